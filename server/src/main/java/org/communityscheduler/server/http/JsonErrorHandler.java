package org.communityscheduler.server.http;

import java.nio.ByteBuffer;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import org.communityscheduler.plan.Json;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * What Jetty answers itself, before a route sees the request (a request it cannot parse, a URI or headers longer
 * than it reads, a bad percent-encoding), in the API's error format instead of Jetty's HTML page. Jetty closes the
 * connection after such an answer, which says so ({@code Connection: close}): a client that sent more requests on
 * it knows to send them again on a new one.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private final Map<String, String> headers;
    private final int requestHeaderBytes;

    /**
     * @param headers the headers every answer of the server carries
     * @param requestHeaderBytes how much of a request line and headers Jetty reads
     */
    public JsonErrorHandler(Map<String, String> headers, int requestHeaderBytes) {
        this.headers = Map.copyOf(headers);
        this.requestHeaderBytes = requestHeaderBytes;
    }

    /** Every method gets an answer with a body, a made-up one too (Jetty's default answers only GET, POST, HEAD). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String reason, Throwable cause,
            Callback callback) throws JsonProcessingException {
        // Jetty refuses these before it reads the request's headers: no language was asked for yet.
        byte[] body = Json.writer(Language.EN).writeValueAsBytes(
                new ApiError(status, "$", message(status, reason)).errors());
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private Text message(int status, String reason) {
        int kilobytes = requestHeaderBytes / 1024;
        String detail = detail(status, reason);
        return switch (status) {
            case HttpStatus.URI_TOO_LONG_414 -> Text.of("server.uriTooLong", kilobytes);
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> Text.of("server.headersTooLarge", kilobytes);
            case HttpStatus.BAD_REQUEST_400 -> detail == null ? Text.of("server.unreadableRequest")
                    : Text.of("server.unreadableRequestBecause", detail);
            default -> Text.of("plan.asWritten", HttpStatus.getMessage(status) + (detail == null ? "" : ": " + detail));
        };
    }

    /** Jetty's reason, unless it is empty, the status's own words, or the text of an exception; null then. */
    private static String detail(int status, String reason) {
        boolean says = reason != null && !reason.isBlank() && !reason.equals(HttpStatus.getMessage(status))
                && !reason.contains("Exception") && !reason.contains("\n");
        return says ? reason : null;
    }
}
