package org.communityscheduler.plan;

import ai.timefold.solver.jackson.api.TimefoldJacksonModule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/** The one configured Jackson mapper for plans and schedules. */
public final class Json {

    /** Nesting, string and field-name limits well above any real plan, far below what could hurt the server. */
    public static final int MAX_NESTING_DEPTH = 64;
    public static final int MAX_STRING_LENGTH = 1_000_000;
    public static final int MAX_NAME_LENGTH = 50_000;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(TimefoldJacksonModule.createModule())
            .addModule(TextJson.module())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // A second document after the first is a pasting accident, not something to ignore.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
    }

    private Json() {
    }

    /** A JSON value as a message names it: {@code the string "abc"}, {@code the number 5}, {@code an array}. */
    public static Text describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Text.of("plan.value.null");
        }
        if (value.isTextual()) {
            String text = value.asText();
            return Text.of("plan.value.string", text.length() > 40 ? text.substring(0, 40) + "…" : text);
        }
        if (value.isNumber()) {
            return Text.of("plan.value.number", value.asText());
        }
        if (value.isArray()) {
            return Text.of("plan.value.array");
        }
        if (value.isObject()) {
            return Text.of("plan.value.object");
        }
        return Text.of("plan.value.other", value.asText());
    }

    /** A writer whose catalogue texts ({@link org.communityscheduler.text.Text}) speak the given language. */
    public static ObjectWriter writer(Language language) {
        return MAPPER.writer().withAttribute(Language.class, language);
    }

    /** A value as a JSON tree, its texts in the given language. */
    public static JsonNode tree(Object value, Language language) {
        try {
            return MAPPER.readTree(writer(language).writeValueAsBytes(value));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Pretty JSON for files and answers a person may read. */
    public static String write(Object value) {
        return write(value, Language.EN);
    }

    /** Pretty JSON, its texts in the given language. */
    public static String write(Object value, Language language) {
        try {
            return writer(language).withDefaultPrettyPrinter().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
