package org.communityscheduler.workbook;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.apache.poi.ss.usermodel.DateUtil;

import org.communityscheduler.plan.Day;
import org.communityscheduler.text.Text;
import org.communityscheduler.workbook.PlanTemplate.Kind;
import org.communityscheduler.workbook.WorkbookFile.Cell;
import org.communityscheduler.workbook.WorkbookFile.Type;

/**
 * A cell as the JSON value its column asks for, as Excel and WPS users type it: {@code 是} is true, {@code ２０} is
 * 20, {@code 2026/11/30} and an Excel date are {@code 2026-11-30}. What is not understood is passed on as typed,
 * for the plan reader to say what is wrong with it; nothing is guessed ({@code 2026-11-31} is no date).
 */
final class CellValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Between the ranges of a day, and the items of a list: commas (also Chinese ones), 、, semicolons, lines. */
    static final String SEPARATORS = "[,，、;；\\n]+";
    /** Between the two times of a range: hyphens, dashes, minus signs and tildes of every width, 至 and 到. */
    static final String DASHES = "[~〜～\\-–—―‐‑‒−﹣至到]";
    /** Dates as typed, each checked: 2026-11-31 is no date, not the 30th. */
    private static final List<DateTimeFormatter> DATES = List.of("u-M-d", "u/M/d", "u.M.d", "u年M月d日").stream()
            .map(pattern -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT)).toList();
    /** Excel's dates end on 9999-12-31. */
    private static final double LAST_EXCEL_DATE = 2_958_465;

    private CellValues() {
    }

    /** A cell as the JSON value its column asks for; null when blank. What is not understood is passed on as text. */
    static JsonNode value(Cell cell, Kind kind, boolean date1904) {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        if (cell.type() == Type.NUMBER) {
            double number = Double.parseDouble(cell.text());
            return switch (kind) {
                case WHOLE_NUMBER -> number(number);
                case YES_NO -> yesNo(plain(number));
                case DATE -> DateUtil.isValidExcelDate(number) && number <= LAST_EXCEL_DATE
                        ? TextNode.valueOf(DateUtil.getLocalDateTime(number, date1904).toLocalDate().toString())
                        : TextNode.valueOf(plain(number));
                case TIME -> number >= 0 && number <= 1
                        ? TextNode.valueOf(time((int) Math.round(number * Day.MINUTES_PER_DAY)))
                        : TextNode.valueOf(plain(number));
                case LIST -> NODES.arrayNode().add(plain(number));
                default -> TextNode.valueOf(plain(number));
            };
        }
        if (cell.type() == Type.BOOLEAN && kind == Kind.YES_NO) {
            return BooleanNode.valueOf(cell.text().equals("true"));
        }
        return switch (kind) {
            case NAME -> TextNode.valueOf(cell.text()); // as typed, spaces and all
            case WHOLE_NUMBER -> number(halfWidth(text));
            case YES_NO -> yesNo(halfWidth(text));
            case LIST -> list(text);
            case DATE -> TextNode.valueOf(date(halfWidth(text)));
            case TIME -> TextNode.valueOf(halfWidth(text));
            case DAY -> TextNode.valueOf(day(halfWidth(text)));
            case NOISE -> TextNode.valueOf(noise(halfWidth(text)));
            case TEXT, HOURS -> TextNode.valueOf(text);
        };
    }

    /** Full-width digits, letters and signs as their ASCII selves: {@code ０８：３０} is {@code 08:30}. */
    static String halfWidth(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
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
        String digits = text.replace(",", "").replace('−', '-');
        try {
            double number = Double.parseDouble(digits);
            if (Double.isFinite(number) && digits.matches("[-+]?[\\d.]+([eE][-+]?\\d+)?")) {
                return number(number);
            }
        } catch (NumberFormatException notANumber) {
            // the plan reader says it must be a whole number
        }
        return TextNode.valueOf(text);
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
        for (Day day : Day.values()) {
            String zh = PlanTemplate.DAYS_ZH[day.ordinal()];
            if (text.equals(zh) || text.equals("星期" + zh.substring(1)) || text.equalsIgnoreCase(day.name())
                    || text.toUpperCase(Locale.ROOT).startsWith(day.name()) && text.length() > 3) {
                return day.name();
            }
        }
        return text.equals("周天") || text.equals("星期天") ? Day.SUN.name() : text;
    }

    /** 是/否, yes/no, ✓…: a boolean; anything else as typed, which is not one. */
    private static JsonNode yesNo(String text) {
        if (PlanTemplate.YES.stream().anyMatch(text::equalsIgnoreCase)) {
            return BooleanNode.TRUE;
        }
        if (PlanTemplate.NO.stream().anyMatch(text::equalsIgnoreCase)) {
            return BooleanNode.FALSE;
        }
        return TextNode.valueOf(text);
    }

    private static String noise(String text) {
        return switch (text) {
            case "安静" -> "QUIET";
            case "普通", "一般", "正常" -> "NORMAL";
            case "吵闹", "嘈杂", "响" -> "LOUD";
            default -> text;
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

    /** A text as a message quotes it: at most 40 characters. */
    static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** A cell's text, stripped; null when blank or when it holds no value to read (an error). Numbers as typed. */
    static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        String text = switch (cell.type()) {
            case TEXT, BOOLEAN -> cell.text();
            case NUMBER -> plain(Double.parseDouble(cell.text()));
            default -> null;
        };
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** What is wrong with a cell whose value cannot be read at all, or null. */
    static Text wrong(Cell cell) {
        return switch (cell.type()) {
            case ERROR -> Text.of("workbook.errorValue", shown(cell.text()));
            case NO_RESULT -> Text.of("workbook.noFormulaResult");
            case UNREADABLE -> Text.of("workbook.unreadableCell");
            default -> null;
        };
    }

    /** Blank: nothing in it, or only spaces. A cell with an error value is not blank: it is wrong. */
    static boolean isBlank(Cell cell) {
        return cell == null || (cell.type() == Type.TEXT || cell.type() == Type.NUMBER
                || cell.type() == Type.BOOLEAN) && text(cell) == null;
    }

    static boolean isNone(String text) {
        return PlanTemplate.NONE.stream().anyMatch(none -> none.equalsIgnoreCase(text.strip()));
    }
}
