package org.communityscheduler.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.communityscheduler.workbook.PlanTemplate.Column;
import org.communityscheduler.workbook.PlanTemplate.Sheet;

/**
 * A plan as a workbook of the template's sheets, from the plan's JSON: a field the JSON leaves out stays a blank
 * cell, one given empty ({@code []}, {@code {}}) is written "无" (none), so absent and empty survive the round trip.
 */
final class WorkbookWriter {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Language language;
    private final CellStyle header;

    private WorkbookWriter(Language language) {
        this.language = language;
        this.header = headerStyle(workbook);
    }

    static byte[] write(Plan plan, Language language) {
        WorkbookWriter writer = new WorkbookWriter(language);
        JsonNode json = Json.MAPPER.valueToTree(plan);
        for (Sheet sheet : PlanTemplate.SHEETS) {
            writer.sheet(sheet, rows(sheet, json));
        }
        // Where the sheets are described, and the same plan's JSON Schema: in the file's properties (Excel's Comments).
        writer.workbook.getProperties().getCoreProperties().setDescription(Text.of("workbook.plan.about").in(language));
        return Workbooks.bytes(writer.workbook);
    }

    /** The sheet's rows as JSON objects whose fields are its columns'. */
    private static List<JsonNode> rows(Sheet sheet, JsonNode plan) {
        List<JsonNode> rows = new ArrayList<>();
        switch (sheet.shape()) {
            case WEEK -> rows.add(((com.fasterxml.jackson.databind.node.ObjectNode) plan.path("week").deepCopy())
                    .set("name", plan.path("name")));
            case LIST -> plan.path(sheet.list()).forEach(rows::add);
            case CLOSED_DATES -> plan.path("sites").forEach(site -> site.path("closedDates").forEach(date ->
                    rows.add(Json.MAPPER.createObjectNode().put("site", site.path("id").asText())
                            .set("date", date))));
            case MAKE_UP_WORKDAYS -> plan.path("week").path("makeUpWorkdays").properties().forEach(day ->
                    rows.add(Json.MAPPER.createObjectNode().put("date", day.getKey()).set("day", day.getValue())));
            case WEIGHTS -> plan.path("constraintWeights").properties().forEach(weight ->
                    rows.add(Json.MAPPER.createObjectNode().put("constraint", weight.getKey())
                            .set("weight", weight.getValue())));
        }
        return rows;
    }

    private void sheet(Sheet spec, List<JsonNode> rows) {
        XSSFSheet sheet = workbook.createSheet(spec.name(language));
        Row head = sheet.createRow(0);
        int[] widths = new int[spec.columns().size()];
        for (int c = 0; c < widths.length; c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(spec.columns().get(c).header(language));
            cell.setCellStyle(header);
            widths[c] = width(cell.getStringCellValue());
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < widths.length; c++) {
                Column column = spec.columns().get(c);
                JsonNode value = rows.get(r).get(column.field());
                if (column.day() != null && value != null) {
                    // Hours given but never open are "无" in the first day's column, blank in the others.
                    value = value.isEmpty() && column.day() == Day.MON ? value : value.get(column.day().name());
                }
                if (value != null && !value.isNull()) { // blank cells are left out: a plan's sheets are mostly blank
                    widths[c] = Math.max(widths[c], width(write(row.createCell(c), column, value)));
                }
            }
        }
        sheet.createFreezePane(1, 1);
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(60, widths[c] + 2) * 256);
        }
    }

    /** Writes one value; answers the text shown, for the column's width. */
    private String write(Cell cell, Column column, JsonNode value) {
        if (value.isNumber()) {
            cell.setCellValue(value.asDouble());
            return value.asText();
        }
        String text;
        if (value.isContainerNode()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            text = items.isEmpty() ? PlanTemplate.none(language) : String.join(", ", items);
        } else {
            text = switch (column.kind()) {
                case DAY -> PlanTemplate.dayName(Day.valueOf(value.asText()), language);
                case YES_NO -> PlanTemplate.yesNo(value.asBoolean(), language);
                case NOISE -> noise(value.asText());
                default -> value.asText();
            };
        }
        cell.setCellValue(text);
        return text;
    }

    private String noise(String noise) {
        if (language != Language.ZH) {
            return noise;
        }
        return Map.of("QUIET", "安静", "NORMAL", "普通", "LOUD", "吵闹").getOrDefault(noise, noise);
    }

    /** Chinese characters take two columns' width. */
    static int width(String text) {
        return text.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
    }

    static CellStyle headerStyle(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }
}
