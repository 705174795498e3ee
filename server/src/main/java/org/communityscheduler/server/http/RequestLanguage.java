package org.communityscheduler.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.javalin.http.Context;

import org.communityscheduler.plan.Json;
import org.communityscheduler.text.Language;

/**
 * The language a request asks for, and JSON answers written in it: {@code ?lang=zh|en} first, then the
 * {@code Accept-Language} header, English when neither asks for one of ours. Every message in an answer
 * carries its stable {@code code} too, so a client may render it itself.
 */
final class RequestLanguage {

    static final String QUERY = "lang";

    private RequestLanguage() {
    }

    static Language of(Context ctx) {
        String asked = ctx.queryParam(QUERY);
        return Language.of(asked != null && !asked.isBlank() ? asked : ctx.header("Accept-Language"));
    }

    /** Writes the value as the JSON answer, its messages in the request's language. */
    static Context json(Context ctx, Object value) {
        try {
            // Caches must keep one answer per language.
            ctx.header("Vary", "Accept-Language");
            return ctx.contentType("application/json").result(Json.writer(of(ctx)).writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
