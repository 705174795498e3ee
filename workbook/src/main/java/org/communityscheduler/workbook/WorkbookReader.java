package org.communityscheduler.workbook;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.text.Text;
import org.communityscheduler.workbook.PlanTemplate.Column;
import org.communityscheduler.workbook.PlanTemplate.Kind;
import org.communityscheduler.workbook.PlanTemplate.Sheet;

/**
 * A plan workbook to plan JSON, remembering the cell each value came from, so that what the plan's own reader and
 * validator find at a JSON path ({@code activities[3].workers[0]}) can be said at its cell ({@code 活动!J5}). It
 * only moves values from cells into JSON, in the shape docs/plan-format.md describes; judging them is the plan
 * reader's work, so a workbook and a JSON file are held to the same rules with the same words.
 */
final class WorkbookReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Between the ranges of a day, and the items of a list: commas (also Chinese ones), 、, semicolons, lines. */
    private static final String SEPARATORS = "[,，、;；\\n]+";
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("y-M-d"),
            DateTimeFormatter.ofPattern("y/M/d"), DateTimeFormatter.ofPattern("y.M.d"),
            DateTimeFormatter.ofPattern("y年M月d日"));

    private final ObjectNode plan = NODES.objectNode();
    /** Where each JSON path's value came from: {@code 活动!J5}, or a sheet's name for a whole list. */
    private final Map<String, String> cells = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /** The workbook as plan JSON, where each value came from, and what was wrong with the workbook itself. */
    record Result(boolean opened, ObjectNode plan, Map<String, String> cells, List<Problem> problems,
            List<Diagnostic> diagnostics) {
    }

    private WorkbookReader() {
    }

    static Result read(byte[] xlsx) {
        WorkbookReader reader = new WorkbookReader();
        boolean opened = false;
        try {
            opened = Workbooks.read(xlsx, workbook -> {
                reader.readSheets(workbook);
                return true;
            });
        } catch (Workbooks.Unreadable unreadable) {
            reader.problems.add(new Problem("$", unreadable.tooLarge()
                    ? Text.of("workbook.tooLarge", Long.toString(Workbooks.MAX_UNPACKED_BYTES >> 20),
                            Long.toString(Workbooks.MAX_PART_BYTES >> 20))
                    : Text.of("workbook.unreadable")));
        }
        return new Result(opened, reader.plan, Map.copyOf(reader.cells), reader.problems, reader.diagnostics);
    }

    private void readSheets(XSSFWorkbook workbook) {
        for (Sheet sheet : PlanTemplate.SHEETS) {
            if (sheet.list() != null && sheet.shape() == PlanTemplate.Shape.LIST) {
                cells.putIfAbsent(sheet.list(), sheet.zh()); // a missing sheet is named in Chinese
            }
        }
        Map<Sheet, org.apache.poi.ss.usermodel.Sheet> found = new LinkedHashMap<>();
        for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
            Sheet spec = PlanTemplate.SHEETS.stream().filter(s -> s.isNamed(sheet.getSheetName())).findFirst()
                    .orElse(null);
            if (spec == null) {
                diagnostics.add(Diagnostic.info(sheet.getSheetName(), Text.of("workbook.sheetIgnored",
                        sheet.getSheetName())));
            } else if (found.containsKey(spec)) {
                problems.add(new Problem(sheet.getSheetName(), Text.of("workbook.duplicateSheet",
                        found.get(spec).getSheetName())));
            } else if (sheet.getLastRowNum() > Workbooks.MAX_ROWS) {
                problems.add(new Problem(sheet.getSheetName(),
                        Text.of("workbook.tooManyRows", Integer.toString(Workbooks.MAX_ROWS))));
            } else {
                found.put(spec, sheet);
            }
        }
        // Closed dates go to sites that must be read first; the order of sheets in the file does not matter.
        for (Sheet spec : PlanTemplate.SHEETS) {
            org.apache.poi.ss.usermodel.Sheet sheet = found.get(spec);
            if (sheet != null) {
                readSheet(spec, sheet);
            }
        }
    }

    private void readSheet(Sheet spec, org.apache.poi.ss.usermodel.Sheet sheet) {
        String name = sheet.getSheetName();
        Row header = sheet.getRow(sheet.getFirstRowNum());
        Map<Integer, Column> columns = header == null ? Map.of() : columns(spec, name, header);
        List<Row> rows = new ArrayList<>();
        for (int r = sheet.getFirstRowNum() + 1; header != null && r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && columns.keySet().stream().anyMatch(c -> !isBlank(row.getCell(c)))) {
                rows.add(row);
            }
        }
        switch (spec.shape()) {
            case WEEK -> readWeek(name, columns, rows);
            case LIST -> readList(spec, name, columns, rows);
            case CLOSED_DATES -> readClosedDates(name, columns, rows);
            case MAKE_UP_WORKDAYS -> readMakeUpWorkdays(name, columns, rows);
            case WEIGHTS -> readWeights(name, columns, rows);
        }
    }

    /** The header row: which column is which field; unknown headers are ignored with a warning. */
    private Map<Integer, Column> columns(Sheet spec, String sheet, Row header) {
        Map<Integer, Column> columns = new LinkedHashMap<>();
        Map<Column, String> seen = new HashMap<>();
        for (Cell cell : header) {
            String text = text(cell);
            if (text == null) {
                continue;
            }
            String at = at(sheet, cell);
            Column column = spec.columns().stream().filter(c -> c.isNamed(text)).findFirst().orElse(null);
            if (column == null) {
                diagnostics.add(Diagnostic.warning(at, Text.of("workbook.unknownColumn", text)));
            } else if (seen.containsKey(column)) {
                problems.add(new Problem(at, Text.of("workbook.duplicateColumn", text, seen.get(column))));
            } else {
                seen.put(column, at);
                columns.put(cell.getColumnIndex(), column);
            }
        }
        return columns;
    }

    private void readWeek(String sheet, Map<Integer, Column> columns, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Row row = rows.get(0); // the week is one row; a second one is not read
        ObjectNode week = NODES.objectNode();
        columns.forEach((index, column) -> {
            Cell cell = row.getCell(index);
            JsonNode value = value(cell, column.kind());
            if (value == null) {
                return;
            }
            if (column.field().equals("name")) {
                plan.set("name", value);
                cells.put("name", at(sheet, cell));
            } else {
                week.set(column.field(), value);
                cells.put("week." + column.field(), at(sheet, cell));
                cells.putIfAbsent("week", at(sheet, cell));
            }
        });
        if (!week.isEmpty()) {
            plan.set("week", week);
        }
    }

    private void readList(Sheet spec, String sheet, Map<Integer, Column> columns, List<Row> rows) {
        ArrayNode list = plan.putArray(spec.list());
        cells.put(spec.list(), sheet);
        for (Row row : rows) {
            String path = spec.list() + "[" + list.size() + "]";
            ObjectNode element = list.addObject();
            cells.put(path, sheet + "!A" + (row.getRowNum() + 1));
            columns.forEach((index, column) -> {
                Cell cell = row.getCell(index);
                if (isBlank(cell)) {
                    return;
                }
                String at = at(sheet, cell);
                if (column.kind() == Kind.HOURS) {
                    readHours(element, path, column, cell, at);
                    return;
                }
                JsonNode value = value(cell, column.kind());
                if (column.kind() == Kind.YES_NO && !value.isBoolean()) {
                    // Said in the workbook's words (是/否), not the JSON's (true/false).
                    problems.add(new Problem(at, Text.of("workbook.notYesNo", text(cell))));
                    return;
                }
                element.set(column.field(), value);
                cells.put(path + "." + column.field(), at);
                if (column.field().equals("id")) {
                    cells.put(path, at);
                }
            });
        }
    }

    /** One day of weekly hours; "无" makes the hours given (never open) without adding a range. */
    private void readHours(ObjectNode element, String path, Column column, Cell cell, String at) {
        String fieldPath = path + "." + column.field();
        ObjectNode hours = element.has(column.field()) ? (ObjectNode) element.get(column.field())
                : element.putObject(column.field());
        cells.putIfAbsent(fieldPath, at);
        String text = text(cell);
        if (isNone(text)) {
            return;
        }
        ArrayNode ranges = hours.putArray(column.day().name());
        for (String range : text.split(SEPARATORS)) {
            String cleaned = range.strip().replace('：', ':').replaceAll("[~～–—至到]", "-");
            if (!cleaned.isEmpty()) {
                ranges.add(cleaned);
            }
        }
        cells.put(fieldPath + "." + column.day().name(), at);
    }

    private void readClosedDates(String sheet, Map<Integer, Column> columns, List<Row> rows) {
        JsonNode sites = plan.path("sites");
        int siteColumn = index(columns, "site");
        int dateColumn = index(columns, "date");
        for (Row row : rows) {
            Cell siteCell = siteColumn < 0 ? null : row.getCell(siteColumn);
            Cell dateCell = dateColumn < 0 ? null : row.getCell(dateColumn);
            String rowAt = sheet + "!A" + (row.getRowNum() + 1);
            String siteAt = siteCell == null ? rowAt : at(sheet, siteCell);
            String site = text(siteCell);
            int index = -1;
            if (site == null) {
                if (sites.size() == 1) {
                    index = 0;
                } else {
                    problems.add(new Problem(siteAt,
                            Text.of("workbook.closedDateSite", Integer.toString(sites.size()))));
                }
            } else {
                for (int i = 0; i < sites.size(); i++) {
                    if (site.equals(sites.get(i).path("id").asText(null))) {
                        index = i;
                    }
                }
                if (index < 0) {
                    problems.add(new Problem(siteAt, Text.of("workbook.unknownSite", site,
                            cells.getOrDefault("sites", PlanTemplate.SITES.zh()))));
                }
            }
            JsonNode date = value(dateCell, Kind.DATE);
            if (date == null) {
                problems.add(new Problem(dateCell == null ? rowAt : at(sheet, dateCell),
                        Text.of("workbook.closedDateMissing")));
            }
            if (index < 0 || date == null) {
                continue;
            }
            ObjectNode target = (ObjectNode) sites.get(index);
            ArrayNode dates = target.has("closedDates") ? (ArrayNode) target.get("closedDates")
                    : target.putArray("closedDates");
            String path = "sites[" + index + "].closedDates";
            cells.putIfAbsent(path, at(sheet, dateCell));
            cells.put(path + "[" + dates.size() + "]", at(sheet, dateCell));
            dates.add(date);
        }
    }

    /** The week's make-up workdays, one a row: its date and the weekday whose hours it has. */
    private void readMakeUpWorkdays(String sheet, Map<Integer, Column> columns, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ObjectNode week = plan.has("week") ? (ObjectNode) plan.get("week") : plan.putObject("week");
        ObjectNode days = week.putObject("makeUpWorkdays");
        int dateColumn = index(columns, "date");
        int dayColumn = index(columns, "day");
        Map<String, String> seen = new HashMap<>();
        for (Row row : rows) {
            String dateAt = at(sheet, row, dateColumn);
            String dayAt = at(sheet, row, dayColumn);
            JsonNode date = value(dateColumn < 0 ? null : row.getCell(dateColumn), Kind.DATE);
            JsonNode day = value(dayColumn < 0 ? null : row.getCell(dayColumn), Kind.DAY);
            if (date == null) {
                problems.add(new Problem(dateAt, Text.of("workbook.makeUpWorkdayDateMissing")));
                continue;
            }
            if (day == null) {
                problems.add(new Problem(dayAt, Text.of("workbook.makeUpWorkdayDayMissing", date.asText())));
                continue;
            }
            if (seen.containsKey(date.asText())) {
                problems.add(new Problem(dateAt, Text.of("workbook.duplicateMakeUpWorkday", date.asText(),
                        seen.get(date.asText()))));
                continue;
            }
            seen.put(date.asText(), dateAt);
            days.set(date.asText(), day);
            cells.putIfAbsent("week.makeUpWorkdays", dateAt);
            // The plan reader says both a bad date and a bad day at the date's path: a good date means the day.
            boolean dayIsWrong = isDate(date.asText()) && Day.parse(day.asText()).isEmpty();
            cells.put("week.makeUpWorkdays." + date.asText(), dayIsWrong ? dayAt : dateAt);
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }

    private void readWeights(String sheet, Map<Integer, Column> columns, List<Row> rows) {
        ObjectNode weights = plan.putObject("constraintWeights");
        cells.put("constraintWeights", sheet);
        int nameColumn = index(columns, "constraint");
        int weightColumn = index(columns, "weight");
        Map<String, String> seen = new HashMap<>();
        for (Row row : rows) {
            Cell nameCell = nameColumn < 0 ? null : row.getCell(nameColumn);
            Cell weightCell = weightColumn < 0 ? null : row.getCell(weightColumn);
            String rowAt = sheet + "!A" + (row.getRowNum() + 1);
            String name = text(nameCell);
            if (name == null) {
                problems.add(new Problem(rowAt, Text.of("workbook.weightWithoutConstraint")));
                continue;
            }
            String at = at(sheet, nameCell);
            if (seen.containsKey(name)) {
                problems.add(new Problem(at, Text.of("workbook.duplicateWeight", name, seen.get(name))));
                continue;
            }
            seen.put(name, at);
            JsonNode weight = value(weightCell, Kind.TEXT);
            weights.set(name, weight == null ? NODES.nullNode() : weight);
            cells.put("constraintWeights." + name, weightCell == null ? at : at(sheet, weightCell));
        }
    }

    // --- Cells

    /** A cell as the JSON value its column asks for; null when blank. What is not understood is passed on as text. */
    static JsonNode value(Cell cell, Kind kind) {
        if (isBlank(cell)) {
            return null;
        }
        CellType type = type(cell);
        if (type == CellType.NUMERIC) {
            double number = cell.getNumericCellValue();
            return switch (kind) {
                case WHOLE_NUMBER -> number(number);
                case YES_NO -> yesNo(plain(number));
                case DATE -> DateUtil.isValidExcelDate(number)
                        ? TextNode.valueOf(DateUtil.getLocalDateTime(number).toLocalDate().toString())
                        : TextNode.valueOf(plain(number));
                case TIME -> number >= 0 && number <= 1
                        ? TextNode.valueOf(time((int) Math.round(number * Day.MINUTES_PER_DAY)))
                        : TextNode.valueOf(plain(number));
                case LIST -> NODES.arrayNode().add(plain(number));
                default -> TextNode.valueOf(plain(number));
            };
        }
        if (type == CellType.BOOLEAN && kind == Kind.YES_NO) {
            return BooleanNode.valueOf(cell.getBooleanCellValue());
        }
        String text = text(cell);
        return switch (kind) {
            case WHOLE_NUMBER -> number(text);
            case YES_NO -> yesNo(text);
            case LIST -> list(text);
            case DATE -> TextNode.valueOf(date(text));
            case TIME -> TextNode.valueOf(text.replace('：', ':'));
            case DAY -> TextNode.valueOf(day(text));
            case NOISE -> TextNode.valueOf(noise(text));
            default -> TextNode.valueOf(text);
        };
    }

    private static JsonNode number(double number) {
        if (number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
            return IntNode.valueOf((int) number);
        }
        if (number == Math.rint(number) && Math.abs(number) < 1e18) {
            return LongNode.valueOf((long) number);
        }
        return DoubleNode.valueOf(number);
    }

    private static JsonNode number(String text) {
        try {
            return number(Double.parseDouble(text.replace('，', ',').replace(",", "")));
        } catch (NumberFormatException notANumber) {
            return TextNode.valueOf(text); // the plan reader says it must be a whole number
        }
    }

    private static JsonNode list(String text) {
        ArrayNode list = NODES.arrayNode();
        if (isNone(text)) {
            return list;
        }
        for (String item : text.split(SEPARATORS)) {
            if (!item.isBlank()) {
                list.add(item.strip());
            }
        }
        return list;
    }

    private static String date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format).toString();
            } catch (DateTimeParseException notThisOne) {
                // the next format
            }
        }
        return text;
    }

    private static String day(String text) {
        String stripped = text.strip();
        for (Day day : Day.values()) {
            String zh = PlanTemplate.DAYS_ZH[day.ordinal()];
            if (stripped.equals(zh) || stripped.equals("星期" + zh.substring(1))
                    || stripped.equalsIgnoreCase(day.name())
                    || stripped.toUpperCase(Locale.ROOT).startsWith(day.name()) && stripped.length() > 3) {
                return day.name();
            }
        }
        return stripped.equals("周天") || stripped.equals("星期天") ? Day.SUN.name() : stripped;
    }

    /** 是/否, yes/no, ✓…: a boolean; anything else as typed, which is not one. */
    private static JsonNode yesNo(String text) {
        String stripped = text.strip();
        if (PlanTemplate.YES.stream().anyMatch(stripped::equalsIgnoreCase)) {
            return BooleanNode.TRUE;
        }
        if (PlanTemplate.NO.stream().anyMatch(stripped::equalsIgnoreCase)) {
            return BooleanNode.FALSE;
        }
        return TextNode.valueOf(stripped);
    }

    private static String noise(String text) {
        return switch (text.strip()) {
            case "安静" -> "QUIET";
            case "普通", "一般", "正常" -> "NORMAL";
            case "吵闹", "嘈杂", "响" -> "LOUD";
            default -> text.strip();
        };
    }

    private static String time(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    /** A number as a person typed it: {@code 101}, not {@code 101.0}. */
    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
                : Double.toString(number);
    }

    /** A cell's text, stripped; null when blank. Numbers as typed. */
    static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        String text = switch (type(cell)) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> plain(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> null;
        };
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A formula's cached result counts as what it shows. */
    private static CellType type(Cell cell) {
        return cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    }

    private static boolean isBlank(Cell cell) {
        return text(cell) == null;
    }

    private static boolean isNone(String text) {
        return PlanTemplate.NONE.stream().anyMatch(none -> none.equalsIgnoreCase(text.strip()));
    }

    private static int index(Map<Integer, Column> columns, String field) {
        return columns.entrySet().stream().filter(e -> e.getValue().field().equals(field)).mapToInt(Map.Entry::getKey)
                .findFirst().orElse(-1);
    }

    /** A cell of the row, blank or not ({@code 调休!B3}); the row ({@code 调休!A3}) when the column is missing. */
    private static String at(String sheet, Row row, int column) {
        return sheet + "!" + new CellReference(row.getRowNum(), Math.max(column, 0)).formatAsString(false);
    }

    /** {@code 活动!J5}. */
    static String at(String sheet, Cell cell) {
        return sheet + "!" + new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false);
    }
}
