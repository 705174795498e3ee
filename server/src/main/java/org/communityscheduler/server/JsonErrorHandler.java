package org.communityscheduler.server;

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

/**
 * What Jetty answers itself, before a route sees the request (a request it cannot parse, a URI or headers longer
 * than it reads, a bad percent-encoding), in the API's error format instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final Map<String, String> headers;
    private final int requestHeaderBytes;

    /**
     * @param headers the headers every answer of the server carries
     * @param requestHeaderBytes how much of a request line and headers Jetty reads
     */
    JsonErrorHandler(Map<String, String> headers, int requestHeaderBytes) {
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
        byte[] body = Json.MAPPER.writeValueAsBytes(new ApiError(status, "$", message(status, reason)).errors());
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private String message(int status, String reason) {
        String kilobytes = requestHeaderBytes / 1024 + " KB";
        return switch (status) {
            case HttpStatus.URI_TOO_LONG_414 -> "the URI is longer than this server reads (" + kilobytes
                    + " with the headers); send data in a request body";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "the request's headers are larger than this "
                    + "server reads (" + kilobytes + ")";
            case HttpStatus.BAD_REQUEST_400 -> "the request is not one this server can read" + detail(status, reason);
            default -> HttpStatus.getMessage(status) + detail(status, reason);
        };
    }

    /** Jetty's reason, unless it is empty, the status's own words, or the text of an exception. */
    private static String detail(int status, String reason) {
        boolean says = reason != null && !reason.isBlank() && !reason.equals(HttpStatus.getMessage(status))
                && !reason.contains("Exception") && !reason.contains("\n");
        return says ? ": " + reason : "";
    }
}
