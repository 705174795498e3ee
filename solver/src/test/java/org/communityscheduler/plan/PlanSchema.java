package org.communityscheduler.plan;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * docs/plan.schema.json held to the plan reader: {@link #read} reads a plan with {@link PlanReader} and validates the
 * same document against the schema, and fails where they disagree. A plan the reader takes the schema takes; each
 * problem the reader finds the schema finds at the same place (or at the list or object holding it), unless a schema
 * cannot say it ({@link #BEYOND_A_SCHEMA}); and the schema finds nothing where the reader found no problem.
 */
public final class PlanSchema {

    /** From any module's folder, as Maven runs the tests. */
    public static final Path FILE = Path.of("../docs/plan.schema.json");

    /**
     * The reader's refusals that no JSON Schema can express, by problem code, and why. The schema takes such a plan;
     * the reader refuses it with a message at the path.
     */
    public static final Map<String, String> BEYOND_A_SCHEMA = Map.ofEntries(
            entry("plan.duplicateId", "ids unique by one field of the objects of a list"),
            entry("plan.unknownSite", "a reference to an id elsewhere in the plan"),
            entry("plan.unknownRoom", "a reference to an id elsewhere in the plan"),
            entry("plan.unknownOrganization", "a reference to an id elsewhere in the plan"),
            entry("plan.unknownWorker", "a reference to an id elsewhere in the plan"),
            entry("plan.unknownActivity", "a reference to an id elsewhere in the plan"),
            entry("plan.noSuchSession", "a placement's session against its activity's sessionsPerWeek"),
            entry("plan.endsAfterMidnight", "a placement's start plus its activity's durationMinutes"),
            entry("plan.offTheSlotGrid", "a placement's start on the grid of week.slotMinutes"),
            entry("plan.sessionListedTwice", "placements unique by two fields"),
            entry("plan.adjacentToItself", "a value compared with the id beside it"),
            entry("plan.afterItself", "a value compared with the id beside it"),
            entry("plan.orderLoop", "a loop through references"),
            entry("makeUpWorkdays.alsoClosed", "a date compared with the dates of another list"),
            entry("plan.dayTwice", "one day in two spellings (MON and mon) as two keys"),
            entry("plan.rangeEndsBeforeItStarts", "two times of one string compared"),
            entry("plan.rangeEmpty", "two times of one string compared"),
            entry("plan.weekNotOnMonday", "the weekday of a date"),
            entry("plan.unknownTimeZone", "the time zones the Java runtime knows"),
            entry("plan.brokenCharacter", "half of a UTF-16 surrogate pair, which a schema's strings cannot hold"),
            entry("plan.tooManySessions", "a sum over the plan"),
            entry("plan.tooManyAttendances", "a sum over the plan"),
            entry("plan.tooManyCandidatePlacements", "a sum over the plan"),
            entry("plan.tooManyLinkedPairs", "a sum over the plan"));

    /** The refusals of a document that is not JSON, which no schema ever sees. */
    private static final Set<String> NOT_JSON = Set.of("plan.notUtf8", "plan.emptyDocument", "plan.malformedJson",
            "plan.malformedJsonAt", "plan.tooLarge");

    private static final Schema SCHEMA = load();
    /** What the validator is given for a number too large for a double ({@code 1e999999}): as large, for every field. */
    private static final BigDecimal BEYOND_A_DOUBLE = new BigDecimal("1e400");

    private PlanSchema() {
    }

    /** Reads the plan, and checks that the schema agrees. */
    public static PlanReading read(String json) {
        PlanReading reading = PlanReader.read(json);
        agree(json, document(json), reading);
        return reading;
    }

    /** Reads UTF-8 bytes, and checks that the schema agrees. */
    public static PlanReading read(byte[] utf8) {
        PlanReading reading = PlanReader.read(utf8);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            text = null;
        }
        agree(text, text == null ? null : document(text), reading);
        return reading;
    }

    /** One thing the schema refuses: where (written as the reader writes paths), why, and the value there. */
    public record Finding(String path, String message, String value) {
        @Override
        public String toString() {
            return path + ": " + message + " (" + value + ")";
        }
    }

    /** The schema's findings, each at a path written as the reader writes its problems' ({@code rooms[1].capacity}). */
    public static List<Finding> errors(JsonNode document) {
        List<Finding> findings = new ArrayList<>();
        for (Error error : SCHEMA.validate(document)) {
            String path = path(error.getInstanceLocation());
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                path = (path.equals("$") ? "" : path + ".") + error.getProperty();
            }
            String value = String.valueOf(error.getInstanceNode());
            findings.add(new Finding(path, error.getMessage(), value.length() > 200 ? value.substring(0, 200) + "…"
                    : value));
        }
        return findings;
    }

    private static void agree(String text, JsonNode document, PlanReading reading) {
        String shown = text == null ? "(not UTF-8)" : text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
        if (document == null) {
            assertThat(reading.problems()).as("a document that is not JSON is refused as such: %s", shown)
                    .isNotEmpty().allSatisfy(problem -> assertThat(problem.code()).isIn(NOT_JSON));
            return;
        }
        List<Finding> errors = errors(document);
        List<Problem> problems = reading.problems();
        for (Problem problem : problems) {
            if (!BEYOND_A_SCHEMA.containsKey(problem.code())
                    && errors.stream().noneMatch(error -> near(error.path(), problem.path()))) {
                fail("the reader refuses %s (%s); the schema should too, at that path (it finds %s), in %s", problem,
                        problem.code(), errors, shown);
            }
        }
        for (Finding error : errors) {
            if (problems.stream().noneMatch(problem -> near(error.path(), problem.path()))) {
                fail("the schema refuses %s; the reader takes it (it finds %s), in %s", error, problems, shown);
            }
        }
    }

    /** The same place, or one holding the other: a list and its element, an object and its field. */
    private static boolean near(String a, String b) {
        return a.equals(b) || parent(a).equals(b) || parent(b).equals(a);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "$" : path.substring(0, cut);
    }

    private static String path(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(element);
            }
        }
        return path.length() == 0 ? "$" : path.toString();
    }

    /** The document as the reader parses it, or null where the reader cannot. */
    private static JsonNode document(String json) {
        try {
            JsonNode document = Json.MAPPER.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
            return document == null || document.isMissingNode() ? null : finite(document);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The document with each number the reader's parser made infinite written as a finite one beyond a double: the
     * validator cannot compare an infinity, and a schema speaks of values JSON can write.
     */
    private static JsonNode finite(JsonNode node) {
        if (node.isDouble() && !Double.isFinite(node.doubleValue())) {
            return DecimalNode.valueOf(node.doubleValue() > 0 ? BEYOND_A_DOUBLE : BEYOND_A_DOUBLE.negate());
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(finite(field.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, finite(array.get(i)));
            }
        }
        return node;
    }

    private static Schema load() {
        try {
            JsonNode schema = Json.MAPPER.readTree(Files.readString(FILE));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
        }
    }
}
