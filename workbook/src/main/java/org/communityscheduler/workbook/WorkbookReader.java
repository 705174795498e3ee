package org.communityscheduler.workbook;

import static org.communityscheduler.workbook.CellValues.DASHES;
import static org.communityscheduler.workbook.CellValues.SEPARATORS;
import static org.communityscheduler.workbook.CellValues.halfWidth;
import static org.communityscheduler.workbook.CellValues.isBlank;
import static org.communityscheduler.workbook.CellValues.isNone;
import static org.communityscheduler.workbook.CellValues.shown;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.poi.ss.util.CellReference;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.text.Text;
import org.communityscheduler.workbook.PlanTemplate.Column;
import org.communityscheduler.workbook.PlanTemplate.Kind;
import org.communityscheduler.workbook.PlanTemplate.Sheet;
import org.communityscheduler.workbook.WorkbookFile.Cell;
import org.communityscheduler.workbook.WorkbookFile.Type;

/**
 * A plan workbook to plan JSON, remembering the cell each value came from, so that what the plan's own reader and
 * validator find at a JSON path ({@code activities[3].workers[0]}) can be said at its cell ({@code 活动!J5}). It
 * moves values from cells into JSON, in the shape docs/plan-format.md describes, as they were typed; judging them
 * is the plan reader's work, so a workbook and a JSON file are held to the same rules with the same words. What
 * JSON cannot hold is said here, at its cell: an error value ({@code #DIV/0!}), a text longer than a JSON string
 * may be, a range the plan reader would misread.
 */
final class WorkbookReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * The most characters a workbook's cells may bring into a plan, counting a text once for each cell that shows
     * it: about as many as the workbook may unpack to, so that one shared text cannot make a plan of gigabytes.
     */
    static final long MAX_TEXT = 40_000_000;

    private final ObjectNode plan = NODES.objectNode();
    /** Where each JSON path's value came from: {@code 活动!J5}, or a sheet's name for a whole list. */
    private final Map<String, String> cells = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** The JSON paths whose cells have had their say here: the plan's reading adds nothing there. */
    private final Set<String> said = new HashSet<>();
    /** For {@code rooms.capacity}: where to say that the rooms' sheet has no capacity column. */
    private final Map<String, Problem> missingColumns = new HashMap<>();
    private boolean everySheetRead = true;
    private boolean date1904;
    /** The characters the cells have brought into the plan so far. */
    private long characters;

    /**
     * The workbook as plan JSON, where each value came from, and what was wrong with the workbook itself.
     *
     * @param complete whether every sheet could be read, so that the plan may be checked as a whole: a sheet that
     *     could not be read would make every reference to it a problem
     * @param json the plan as compact UTF-8 JSON, the smallest body that would carry it; empty when not complete
     * @param said the JSON paths whose cells have their problem among {@code problems} already
     * @param missingColumns by list and field ({@code rooms.capacity}), the problem of a column the sheet lacks
     */
    record Result(boolean complete, byte[] json, Map<String, String> cells, List<Problem> problems,
            List<Diagnostic> diagnostics, Set<String> said, Map<String, Problem> missingColumns) {
    }

    private WorkbookReader() {
    }

    static Result read(byte[] xlsx) {
        WorkbookReader reader = new WorkbookReader();
        try {
            Workbooks.read(xlsx, file -> {
                reader.readSheets(file);
                return null;
            });
        } catch (Workbooks.Unreadable unreadable) {
            reader.problems.add(new Problem("$", unreadable.text()));
            reader.everySheetRead = false;
        } catch (TooMuchText tooMuch) {
            reader.problems.add(new Problem(tooMuch.at, Text.of("workbook.tooMuchText", MAX_TEXT / 1_000_000)));
            reader.everySheetRead = false;
        }
        byte[] json = reader.everySheetRead ? bytes(reader.plan) : new byte[0];
        return new Result(reader.everySheetRead, json, Collections.unmodifiableMap(reader.cells), reader.problems,
                reader.diagnostics, Set.copyOf(reader.said), Map.copyOf(reader.missingColumns));
    }

    private static byte[] bytes(ObjectNode plan) {
        try {
            return Json.MAPPER.writeValueAsBytes(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a plan as JSON", e);
        }
    }

    private void readSheets(WorkbookFile file) {
        date1904 = file.date1904();
        for (Sheet sheet : PlanTemplate.SHEETS) {
            if (sheet.list() != null && sheet.shape() == PlanTemplate.Shape.LIST) {
                cells.putIfAbsent(sheet.list(), sheet.zh()); // a missing sheet is named in Chinese
            }
        }
        Map<Sheet, WorkbookFile.Sheet> found = new LinkedHashMap<>();
        for (WorkbookFile.Sheet sheet : file.sheets()) {
            Sheet spec = PlanTemplate.SHEETS.stream().filter(s -> s.isNamed(sheet.name())).findFirst().orElse(null);
            if (spec == null) {
                diagnostics.add(Diagnostic.info(sheet.name(), Text.of("workbook.sheetIgnored", sheet.name())));
            } else if (found.containsKey(spec)) {
                problems.add(new Problem(sheet.name(), Text.of("workbook.duplicateSheet",
                        found.get(spec).name())));
            } else {
                found.put(spec, sheet);
            }
        }
        // Closed dates go to sites that must be read first; the order of sheets in the file does not matter.
        for (Sheet spec : PlanTemplate.SHEETS) {
            WorkbookFile.Sheet sheet = found.get(spec);
            if (sheet != null) {
                readSheet(spec, sheet, file);
            }
        }
    }

    private void readSheet(Sheet spec, WorkbookFile.Sheet sheet, WorkbookFile file) {
        String name = sheet.name();
        SheetRows rows = new SheetRows(spec, name);
        try {
            file.rows(sheet, rows);
        } catch (Workbooks.Unreadable unreadable) {
            problems.add(new Problem(name, unreadable.text()));
            everySheetRead = false;
            return;
        }
        problems.addAll(rows.problems());
        diagnostics.addAll(rows.diagnostics());
        if (rows.lacksHeaderRow()) {
            problems.add(rows.noHeaderRow());
            everySheetRead = false;
            return;
        }
        switch (spec.shape()) {
            case WEEK -> readWeek(name, rows.columns(), rows.data());
            case LIST -> {
                missingColumns.putAll(rows.missingColumns());
                readList(spec, name, rows.columns(), rows.data());
            }
            case CLOSED_DATES -> readClosedDates(name, rows.columns(), rows.data());
            case MAKE_UP_WORKDAYS -> readMakeUpWorkdays(name, rows.columns(), rows.data());
            case WEIGHTS -> readWeights(name, rows.columns(), rows.data());
        }
    }

    private void readWeek(String sheet, Map<Integer, Column> columns, List<SheetRows.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        SheetRows.Row row = rows.get(0); // the week is one row; a second one is not read
        ObjectNode week = NODES.objectNode();
        columns.forEach((index, column) -> {
            Cell cell = row.cell(index);
            String path = column.field().equals("name") ? "name" : "week." + column.field();
            JsonNode value = take(sheet, cell, column.kind(), path);
            if (value == null) {
                return;
            }
            if (column.field().equals("name")) {
                plan.set("name", value);
            } else {
                week.set(column.field(), value);
                cells.putIfAbsent("week", at(sheet, cell));
            }
            cells.put(path, at(sheet, cell));
        });
        if (!week.isEmpty()) {
            plan.set("week", week);
        }
    }

    private void readList(Sheet spec, String sheet, Map<Integer, Column> columns, List<SheetRows.Row> rows) {
        ArrayNode list = plan.putArray(spec.list());
        cells.put(spec.list(), sheet);
        for (SheetRows.Row row : rows) {
            String path = spec.list() + "[" + list.size() + "]";
            ObjectNode element = list.addObject();
            cells.put(path, at(sheet, row.row(), 0));
            columns.forEach((index, column) -> {
                Cell cell = row.cell(index);
                if (isBlank(cell)) {
                    return;
                }
                String at = at(sheet, cell);
                String fieldPath = path + "." + column.field();
                JsonNode value = take(sheet, cell, column.kind(),
                        column.day() == null ? fieldPath : fieldPath + "." + column.day().name());
                if (value == null) {
                    return;
                }
                if (column.kind() == Kind.HOURS) {
                    readHours(element, path, column, value.asText(), at);
                    return;
                }
                if (column.kind() == Kind.YES_NO && !value.isBoolean()) {
                    // Said in the workbook's words (是/否), not the JSON's (true/false).
                    problems.add(new Problem(at, Text.of("workbook.notYesNo", shown(CellValues.text(cell)))));
                    said.add(fieldPath);
                    return;
                }
                element.set(column.field(), value);
                cells.put(fieldPath, at);
                if (column.field().equals("id")) {
                    cells.put(path, at);
                }
            });
        }
    }

    /**
     * One day of weekly hours; "无" makes the hours given (never open) without adding a range. Ranges apart by
     * spaces alone ({@code 08:30-12:00 14:00-17:30}) are asked for a comma, which the plan reader could not do.
     */
    private void readHours(ObjectNode element, String path, Column column, String text, String at) {
        String fieldPath = path + "." + column.field();
        String dayPath = fieldPath + "." + column.day().name();
        List<String> ranges = new ArrayList<>();
        for (String range : isNone(text) ? new String[0] : halfWidth(text).split(SEPARATORS)) {
            String cleaned = range.strip().replaceAll(DASHES, "-");
            String[] apart = cleaned.replaceAll("\\s*-\\s*", "-").split("\\s+");
            if (apart.length > 1 && Arrays.stream(apart).allMatch(part -> part.indexOf('-') > 0)) {
                problems.add(new Problem(at, Text.of("workbook.rangesNeedComma", String.join(", ", apart))));
                said.add(dayPath);
                return;
            }
            if (!cleaned.isEmpty()) {
                ranges.add(cleaned);
            }
        }
        ObjectNode hours = element.has(column.field()) ? (ObjectNode) element.get(column.field())
                : element.putObject(column.field());
        cells.putIfAbsent(fieldPath, at);
        if (!isNone(text)) {
            ArrayNode day = hours.putArray(column.day().name());
            ranges.forEach(day::add);
            cells.put(dayPath, at);
        }
    }

    private void readClosedDates(String sheet, Map<Integer, Column> columns, List<SheetRows.Row> rows) {
        JsonNode sites = plan.path("sites");
        int siteColumn = index(columns, "site");
        int dateColumn = index(columns, "date");
        for (SheetRows.Row row : rows) {
            Cell siteCell = row.cell(siteColumn);
            Cell dateCell = row.cell(dateColumn);
            String rowAt = at(sheet, row.row(), 0);
            String siteAt = siteCell == null ? rowAt : at(sheet, siteCell);
            JsonNode siteValue = take(sheet, siteCell, Kind.TEXT, null);
            String site = siteValue == null ? null : siteValue.asText();
            int index = -1;
            if (isBlank(siteCell)) {
                if (sites.size() == 1) {
                    index = 0;
                } else {
                    problems.add(new Problem(siteAt,
                            Text.of("workbook.closedDateSite", Integer.toString(sites.size()))));
                }
            } else if (site != null) {
                for (int i = 0; i < sites.size(); i++) {
                    if (site.equals(sites.get(i).path("id").asText(null))) {
                        index = i;
                    }
                }
                if (index < 0) {
                    problems.add(new Problem(siteAt, Text.of("workbook.unknownSite", shown(site),
                            cells.getOrDefault("sites", PlanTemplate.SITES.zh()))));
                }
            }
            String dateAt = dateCell == null ? at(sheet, row.row(), Math.max(dateColumn, 0)) : at(sheet, dateCell);
            JsonNode date = take(sheet, dateCell, Kind.DATE, null);
            if (isBlank(dateCell)) {
                problems.add(new Problem(dateAt, Text.of("workbook.closedDateMissing")));
            }
            if (index < 0 || date == null) {
                continue;
            }
            ObjectNode target = (ObjectNode) sites.get(index);
            ArrayNode dates = target.has("closedDates") ? (ArrayNode) target.get("closedDates")
                    : target.putArray("closedDates");
            String path = "sites[" + index + "].closedDates";
            cells.putIfAbsent(path, dateAt);
            cells.put(path + "[" + dates.size() + "]", dateAt);
            dates.add(date);
        }
    }

    /** The week's make-up workdays, one a row: its date and the weekday whose hours it has. */
    private void readMakeUpWorkdays(String sheet, Map<Integer, Column> columns, List<SheetRows.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ObjectNode week = plan.has("week") ? (ObjectNode) plan.get("week") : plan.putObject("week");
        ObjectNode days = week.putObject("makeUpWorkdays");
        int dateColumn = index(columns, "date");
        int dayColumn = index(columns, "day");
        Map<String, String> seen = new HashMap<>();
        for (SheetRows.Row row : rows) {
            String dateAt = at(sheet, row.row(), Math.max(dateColumn, 0));
            String dayAt = at(sheet, row.row(), Math.max(dayColumn, 0));
            Cell dateCell = row.cell(dateColumn);
            Cell dayCell = row.cell(dayColumn);
            JsonNode date = take(sheet, dateCell, Kind.DATE, null);
            JsonNode day = take(sheet, dayCell, Kind.DAY, null);
            if (date == null && !isBlank(dateCell) || day == null && !isBlank(dayCell)) {
                continue; // said at its cell
            }
            if (date == null) {
                problems.add(new Problem(dateAt, Text.of("workbook.makeUpWorkdayDateMissing")));
                continue;
            }
            if (!fitsAName(date.asText(), dateAt)) {
                continue;
            }
            if (day == null) {
                problems.add(new Problem(dayAt, Text.of("workbook.makeUpWorkdayDayMissing", shown(date.asText()))));
                continue;
            }
            if (seen.containsKey(date.asText())) {
                problems.add(new Problem(dateAt, Text.of("workbook.duplicateMakeUpWorkday", shown(date.asText()),
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

    private void readWeights(String sheet, Map<Integer, Column> columns, List<SheetRows.Row> rows) {
        ObjectNode weights = plan.putObject("constraintWeights");
        cells.put("constraintWeights", sheet);
        int nameColumn = index(columns, "constraint");
        int weightColumn = index(columns, "weight");
        Map<String, String> seen = new HashMap<>();
        for (SheetRows.Row row : rows) {
            Cell nameCell = row.cell(nameColumn);
            Cell weightCell = row.cell(weightColumn);
            String rowAt = at(sheet, row.row(), 0);
            String at = nameCell == null ? rowAt : at(sheet, nameCell);
            JsonNode nameValue = take(sheet, nameCell, Kind.TEXT, null);
            if (nameValue == null) {
                if (isBlank(nameCell)) {
                    problems.add(new Problem(rowAt, Text.of("workbook.weightWithoutConstraint")));
                }
                continue;
            }
            String name = nameValue.asText();
            if (!fitsAName(name, at)) {
                continue;
            }
            if (seen.containsKey(name)) {
                problems.add(new Problem(at, Text.of("workbook.duplicateWeight", shown(name), seen.get(name))));
                continue;
            }
            seen.put(name, at);
            String weightAt = weightCell == null ? at : at(sheet, weightCell);
            JsonNode weight = take(sheet, weightCell, Kind.TEXT, "constraintWeights." + name);
            weights.set(name, weight == null ? NODES.nullNode() : weight);
            cells.put("constraintWeights." + name, weightAt);
        }
    }

    /** Whether a text may be a field's name in JSON (a weight's constraint, a make-up workday's date); if not, said. */
    private boolean fitsAName(String name, String at) {
        if (name.length() <= Json.MAX_NAME_LENGTH) {
            return true;
        }
        problems.add(new Problem(at, Text.of("plan.tooLarge", Text.of("plan.nameTooLong", Json.MAX_NAME_LENGTH))));
        return false;
    }

    // --- Cells

    /**
     * The cell's value for the JSON path, or null: blank, or holding what JSON cannot (an error value, a text too
     * long), which is said at the cell, and the path (when there is one) noted as said.
     */
    private JsonNode take(String sheet, Cell cell, Kind kind, String path) {
        if (isBlank(cell)) {
            return null;
        }
        Text wrong = CellValues.wrong(cell);
        if (wrong == null && cell.type() == Type.TEXT && cell.text().length() > Json.MAX_STRING_LENGTH) {
            wrong = Text.of("plan.tooLarge", Text.of("plan.stringTooLong", Json.MAX_STRING_LENGTH));
        }
        if (wrong != null) {
            problems.add(new Problem(at(sheet, cell), wrong));
            if (path != null) {
                said.add(path);
            }
            return null;
        }
        characters += cell.text().length();
        if (characters > MAX_TEXT) {
            throw new TooMuchText(at(sheet, cell));
        }
        return CellValues.value(cell, kind, date1904);
    }

    /** The cells bring more text than the bound: the workbook is not read further. */
    private static final class TooMuchText extends RuntimeException {
        private final String at;

        TooMuchText(String at) {
            super(at, null, false, false);
            this.at = at;
        }
    }

    private static int index(Map<Integer, Column> columns, String field) {
        return columns.entrySet().stream().filter(e -> e.getValue().field().equals(field)).mapToInt(Map.Entry::getKey)
                .findFirst().orElse(-1);
    }

    /** A cell of a sheet by its row and column from 0: {@code 调休!B3}. */
    private static String at(String sheet, int row, int column) {
        return sheet + "!" + new CellReference(row, column).formatAsString(false);
    }

    /** {@code 活动!J5}. */
    static String at(String sheet, Cell cell) {
        return at(sheet, cell.row(), cell.column());
    }
}
