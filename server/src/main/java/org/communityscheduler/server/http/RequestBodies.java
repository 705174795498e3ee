package org.communityscheduler.server.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.text.Text;

/** How a request's body is read: its Content-Type, once for every route, and a JSON object body. */
final class RequestBodies {

    static final String JSON = "application/json";

    private RequestBodies() {
    }

    /**
     * A request's Content-Type as sent: its media type in lower case, and the values of its {@code charset}
     * parameters as written; an empty media type without the header. Read from the header itself: the servlet API's
     * {@code getContentType()} throws on a charset Java does not know.
     */
    record ContentType(String mediaType, List<String> charsets) {

        static ContentType of(Context ctx) {
            String type = ctx.header("Content-Type");
            String[] parts = type == null ? new String[] { "" } : type.split(";");
            List<String> charsets = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                if (parameter[0].strip().equalsIgnoreCase("charset")) {
                    charsets.add(parameter.length < 2 ? "" : parameter[1].strip());
                }
            }
            return new ContentType(parts[0].strip().toLowerCase(Locale.ROOT), charsets);
        }

        boolean isJson() {
            return mediaType.equals(JSON) || mediaType.endsWith("+json");
        }
    }

    /** Whether a charset parameter's value names UTF-8. */
    static boolean isUtf8(String charset) {
        String name = charset.strip().replace("\"", "");
        try {
            return Charset.isSupported(name) && Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
    }

    /** A JSON object body; JSON syntax errors are worded as they are for plans. */
    static JsonNode jsonObject(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            List<Problem> problems = PlanReader.read(body).problems();
            throw ApiError.badRequest(problems.isEmpty()
                    ? List.of(new Problem("$", Text.of("plan.malformedJson", Text.of("plan.unreadableInput"))))
                    : problems);
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("$", Text.of("server.bodyNotAnObject"));
        }
        return node;
    }
}
