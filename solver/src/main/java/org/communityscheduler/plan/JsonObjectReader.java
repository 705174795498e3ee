package org.communityscheduler.plan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.text.Text;
import org.communityscheduler.text.TextException;

/**
 * Reads the fields of one JSON object into Java values, noting every wrong type or format as a
 * {@link Problem} at its path and carrying on; a field that cannot be read comes back null. The one
 * reader of JSON input — plans, schedule documents, request bodies — so that every message is worded
 * alike and every unknown field is warned about alike.
 */
public final class JsonObjectReader {

    private final JsonNode node;
    private final String path;
    private final List<Problem> problems;
    private final List<Diagnostic> diagnostics;

    private JsonObjectReader(JsonNode node, String path, List<Problem> problems, List<Diagnostic> diagnostics) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.diagnostics = diagnostics;
    }

    /**
     * @param object a JSON object
     * @param path its JSON path, for problems (empty when it is the whole document)
     * @param problems where every problem found is added
     * @param diagnostics where the warnings about unknown fields are added
     */
    public static JsonObjectReader of(JsonNode object, String path, List<Problem> problems,
            List<Diagnostic> diagnostics) {
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + Json.describe(object));
        }
        return new JsonObjectReader(object, path, problems, diagnostics);
    }

    /** How many problems have been found so far, by this reader and the others sharing its list. */
    public int problemCount() {
        return problems.size();
    }

    public String path() {
        return path;
    }

    public String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public void problem(String field, Text message) {
        problems.add(new Problem(field == null ? (path.isEmpty() ? "$" : path) : pathOf(field), message));
    }

    /** Unknown fields are most often typos: they are ignored, and the coordinator is told. */
    public void warnAboutUnknownFields(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                diagnostics.add(Diagnostic.warning(pathOf(name), Text.of("plan.unknownField", name)));
            }
        }
    }

    private JsonNode present(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    public boolean has(String field) {
        return present(field) != null;
    }

    public String text(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(field, Text.of("plan.notAString", Json.describe(value)));
            return null;
        }
        int broken = loneSurrogate(value.asText());
        if (broken >= 0) {
            problem(field, Text.of("plan.brokenCharacter", broken + 1));
            return null;
        }
        return value.asText();
    }

    /**
     * Where the text holds half of a UTF-16 surrogate pair alone (JSON's {@code "\ud800"}, a workbook's
     * {@code _xD800_}), or -1: no character at all, which no export could write and no reader would take back.
     */
    static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    public String requiredText(String field) {
        if (!has(field)) {
            problem(field, Text.of("plan.required"));
            return null;
        }
        String text = text(field);
        if (text != null && text.isBlank()) {
            problem(field, Text.of("plan.empty"));
            return null;
        }
        return text;
    }

    public Integer integer(String field, int min, int max) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            problem(field, Text.of("plan.notAWholeNumber", Json.describe(value)));
            return null;
        }
        if (!value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            problem(field, Text.of("plan.outOfRange", min, max, value.asText()));
            return null;
        }
        return (int) value.asLong();
    }

    public Integer requiredInteger(String field, int min, int max) {
        if (!has(field)) {
            problem(field, Text.of("plan.required"));
            return null;
        }
        return integer(field, min, max);
    }

    public Boolean bool(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(field, Text.of("plan.notABoolean", Json.describe(value)));
            return null;
        }
        return value.asBoolean();
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        problem(field, Text.of("plan.unknownValue", text, List.of(type.getEnumConstants()).toString()));
        return null;
    }

    public Day day(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        return Day.parse(text).orElseGet(() -> {
            problem(field, Text.of("plan.unknownDay", text));
            return null;
        });
    }

    public TimeOfDay timeOfDay(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return TimeOfDay.parse(text);
        } catch (TextException e) {
            problem(field, e.text());
            return null;
        }
    }

    public LocalDate date(String field) {
        String text = text(field);
        return text == null ? null : parseDate(text, pathOf(field));
    }

    private LocalDate parseDate(String text, String at) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException e) {
            problems.add(new Problem(at, Text.of("plan.notADate", text)));
            return null;
        }
        if (date.isBefore(Plan.FIRST_DATE) || date.isAfter(Plan.LAST_DATE)) {
            problems.add(new Problem(at, Text.of("plan.dateOutOfRange", text, Plan.FIRST_DATE.toString(),
                    Plan.LAST_DATE.toString())));
            return null;
        }
        return date;
    }

    public List<String> texts(String field) {
        List<JsonNode> elements = array(field);
        if (elements == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (element.isTextual() && !element.asText().isBlank() && loneSurrogate(element.asText()) >= 0) {
                problems.add(new Problem(pathOf(field) + "[" + i + "]",
                        Text.of("plan.brokenCharacter", loneSurrogate(element.asText()) + 1)));
            } else if (element.isTextual() && !element.asText().isBlank()) {
                texts.add(element.asText());
            } else {
                problems.add(new Problem(pathOf(field) + "[" + i + "]",
                        Text.of("plan.notANonEmptyString", Json.describe(element))));
            }
        }
        return texts;
    }

    public List<LocalDate> dates(String field) {
        List<String> texts = texts(field);
        if (texts == null) {
            return null;
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            LocalDate date = parseDate(texts.get(i), pathOf(field) + "[" + i + "]");
            if (date != null) {
                dates.add(date);
            }
        }
        return dates;
    }

    /** Reads each object of an array; elements that are not objects are problems, not nulls. */
    public <T> List<T> objects(String field, Function<JsonObjectReader, T> reading) {
        List<JsonNode> elements = array(field);
        if (elements == null) {
            return null;
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            String at = pathOf(field) + "[" + i + "]";
            JsonNode element = elements.get(i);
            if (!element.isObject()) {
                problems.add(new Problem(at, Text.of("plan.notAnObject", Json.describe(element))));
                continue;
            }
            values.add(reading.apply(new JsonObjectReader(element, at, problems, diagnostics)));
        }
        return values;
    }

    public JsonObjectReader object(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problem(field, Text.of("plan.notAnObject", Json.describe(value)));
            return null;
        }
        return new JsonObjectReader(value, pathOf(field), problems, diagnostics);
    }

    /** A weekly hours object: {@code {"MON": ["08:30-12:00", "14:00-17:30"]}}. */
    public WeeklyHours weeklyHours(String field) {
        JsonObjectReader hours = object(field);
        if (hours == null) {
            return null;
        }
        Map<Day, List<TimeRange>> days = new EnumMap<>(Day.class);
        for (Iterator<String> names = hours.node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Day day = Day.parse(name).orElse(null);
            if (day == null) {
                hours.problem(name, Text.of("plan.unknownDay", name));
                continue;
            }
            List<String> texts = hours.texts(name);
            if (texts == null) {
                continue;
            }
            List<TimeRange> ranges = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                try {
                    ranges.add(TimeRange.parse(texts.get(i)));
                } catch (TextException e) {
                    problems.add(new Problem(hours.pathOf(name) + "[" + i + "]", e.text()));
                }
            }
            if (days.containsKey(day)) {
                hours.problem(name, Text.of("plan.dayTwice", day.name()));
            }
            days.put(day, ranges);
        }
        return new WeeklyHours(days);
    }

    /** Constraint weights: a score such as {@code "0hard/0medium/5soft"}, or a plain number. */
    public Map<String, String> textMap(String field) {
        JsonObjectReader map = object(field);
        if (map == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        map.node.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value.isTextual() || value.isNumber()) {
                values.put(entry.getKey(), value.asText());
            } else {
                map.problem(entry.getKey(), Text.of("plan.notAWeight", Json.describe(value)));
            }
        });
        return values;
    }

    /** Dates to days: {@code {"2026-12-05": "MON"}}. */
    public Map<LocalDate, Day> daysByDate(String field) {
        JsonObjectReader map = object(field);
        if (map == null) {
            return null;
        }
        Map<LocalDate, Day> values = new LinkedHashMap<>();
        for (Iterator<String> names = map.node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            LocalDate date = parseDate(name, map.pathOf(name));
            Day day = map.day(name);
            if (date != null && day != null) {
                values.put(date, day);
            }
        }
        return values;
    }

    private List<JsonNode> array(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problem(field, Text.of("plan.notAnArray", Json.describe(value)));
            return null;
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.elements().forEachRemaining(elements::add);
        return elements;
    }
}
