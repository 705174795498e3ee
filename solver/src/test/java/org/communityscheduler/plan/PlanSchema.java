package org.communityscheduler.plan;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** The schema's findings, each at a path written as the reader writes its problems' ({@code rooms[1].capacity}). */
    public static List<String> errors(JsonNode document) {
        List<String> paths = new ArrayList<>();
        for (Error error : SCHEMA.validate(document)) {
            String path = path(error.getInstanceLocation());
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                path = (path.equals("$") ? "" : path + ".") + error.getProperty();
            }
            paths.add(path + ": " + error.getMessage());
        }
        return paths;
    }

    private static void agree(String text, JsonNode document, PlanReading reading) {
        String shown = text == null ? "(not UTF-8)" : text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
        if (document == null) {
            assertThat(reading.problems()).as("a document that is not JSON is refused as such: %s", shown)
                    .isNotEmpty().allSatisfy(problem -> assertThat(problem.code()).isIn(NOT_JSON));
            return;
        }
        List<String> errors = errors(document);
        List<Problem> problems = reading.problems();
        for (Problem problem : problems) {
            if (!BEYOND_A_SCHEMA.containsKey(problem.code())) {
                assertThat(errors).as("the reader refuses %s (%s); the schema should too, at that path, in %s",
                        problem.path(), problem.code(), shown).anySatisfy(error -> assertThat(near(at(error),
                        problem.path())).isTrue());
            }
        }
        for (String error : errors) {
            assertThat(problems).as("the schema refuses %s; the reader takes it, in %s", error, shown)
                    .anySatisfy(problem -> assertThat(near(at(error), problem.path())).isTrue());
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

    private static String at(String error) {
        return error.substring(0, error.indexOf(": "));
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
            return document == null || document.isMissingNode() ? null : document;
        } catch (JsonProcessingException e) {
            return null;
        }
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
