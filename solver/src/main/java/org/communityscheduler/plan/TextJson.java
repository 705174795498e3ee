package org.communityscheduler.plan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.NameTransformer;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * A {@link Text} in JSON: {@code {"code", "message", "args"}}, the message in the language the writer was given
 * ({@link Json#writer(Language)}; English otherwise). Read back from its code and arguments, so a stored schedule
 * renders in any language later. An argument that is itself a text is written as one, nested.
 */
public final class TextJson {

    private TextJson() {
    }

    static SimpleModule module() {
        return new SimpleModule("catalogue texts")
                .addSerializer(Text.class, new Writer(false))
                .addDeserializer(Text.class, new Reader());
    }

    static Language language(SerializerProvider provider) {
        return provider.getAttribute(Language.class) instanceof Language language ? language : Language.EN;
    }

    /** Writes a text as an object, or its fields inside the enclosing object when unwrapped. */
    static final class Writer extends JsonSerializer<Text> {

        private final boolean unwrapped;

        Writer(boolean unwrapped) {
            this.unwrapped = unwrapped;
        }

        @Override
        public void serialize(Text text, JsonGenerator json, SerializerProvider provider) throws IOException {
            if (!unwrapped) {
                json.writeStartObject();
            }
            json.writeStringField("code", text.code());
            json.writeStringField("message", text.in(language(provider)));
            if (!text.args().isEmpty()) {
                json.writeArrayFieldStart("args");
                for (Object arg : text.args()) {
                    if (arg instanceof Text nested) {
                        new Writer(false).serialize(nested, json, provider);
                    } else if (arg instanceof Number number) {
                        provider.defaultSerializeValue(number, json);
                    } else {
                        json.writeString(String.valueOf(arg));
                    }
                }
                json.writeEndArray();
            }
            if (!unwrapped) {
                json.writeEndObject();
            }
        }

        @Override
        public boolean isUnwrappingSerializer() {
            return unwrapped;
        }

        @Override
        public JsonSerializer<Text> unwrappingSerializer(NameTransformer unwrapper) {
            return new Writer(true);
        }
    }

    /** Only the message, as a plain string: a constraint's display name. */
    public static final class MessageOnly extends JsonSerializer<Text> {
        @Override
        public void serialize(Text text, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(text.in(language(provider)));
        }
    }

    static final class Reader extends JsonDeserializer<Text> {
        @Override
        public Text deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(context.readTree(parser));
        }
    }

    /** A text from its JSON: a string is a message older versions wrote, kept as written. */
    static Text read(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            return Text.of("plan.asWritten", node.asText());
        }
        return Text.of(node.path("code").asText(), args(node.get("args")).toArray());
    }

    /** A text from the fields of an object it is unwrapped into; without a code, a message older versions wrote. */
    static Text read(String code, String message, JsonNode args) {
        return code == null ? Text.of("plan.asWritten", message) : Text.of(code, args(args).toArray());
    }

    static List<Object> args(JsonNode args) {
        List<Object> values = new ArrayList<>();
        if (args != null) {
            for (JsonNode arg : args) {
                if (arg.isObject()) {
                    values.add(read(arg));
                } else if (arg.isIntegralNumber()) {
                    values.add(arg.canConvertToInt() ? (Object) arg.asInt() : (Object) arg.asLong());
                } else if (arg.isNumber()) {
                    values.add(arg.asDouble());
                } else {
                    values.add(arg.asText());
                }
            }
        }
        return values;
    }
}
