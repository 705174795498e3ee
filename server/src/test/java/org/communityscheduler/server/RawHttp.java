package org.communityscheduler.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte on a socket, as a hostile client would send them, and the answer read as it
 * comes: what java.net.http would refuse to send (a bad percent-encoding, a made-up method, two lengths).
 */
final class RawHttp {

    private RawHttp() {
    }

    /** The status, the headers (names in lower case) and the body of an answer. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code METHOD target HTTP/1.1} with a Host, the extra header lines, and Connection: close. */
    static String request(String method, String target, String... headerLines) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString();
    }

    /** Sends the bytes as they are and reads one answer. */
    static Answer send(int port, String request) {
        return send(port, "127.0.0.1", request);
    }

    /** The same from another client: any address of the loopback range, such as 127.0.0.2. */
    static Answer send(int port, String from, String request) {
        try (Socket socket = connect(port, from)) {
            write(socket, request);
            Answer head = readHead(socket.getInputStream());
            return new Answer(head.status(), head.headers(), readBody(socket.getInputStream(), head.headers()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends two requests on one connection at once (pipelined) and reads the answers: both, or only the first when
     * the server closes the connection after it.
     */
    static List<Answer> pipelined(int port, String first, String second) {
        try (Socket socket = connect(port, "127.0.0.1")) {
            write(socket, first + second);
            InputStream in = socket.getInputStream();
            List<Answer> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Answer head;
                try {
                    head = readHead(in);
                } catch (IOException closed) {
                    break;
                }
                answers.add(new Answer(head.status(), head.headers(), readBody(in, head.headers())));
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request without {@code Connection: close}: the client would send more on the connection. */
    static String keepingTheConnection(String request) {
        return request.replace("Connection: close\r\n", "");
    }

    /** A connection to the server from {@code from}, a loopback address. */
    static Socket connect(int port, String from) throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0);
        socket.setSoTimeout(30_000);
        return socket;
    }

    static void write(Socket socket, String request) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException refusedEarly) {
            // The server may answer and close before it has read everything; its answer is still there.
        }
    }

    /** The status line and the headers of an answer, leaving its body to be read. */
    static Answer readHead(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("no HTTP answer, got: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                    (first, next) -> first + ", " + next);
        }
        return new Answer(status, headers, "");
    }

    private static String readBody(InputStream in, Map<String, String> headers) throws IOException {
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = readToEnd(in);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketTimeoutException e) {
            return new byte[0];
        }
    }

    /** A line without its CRLF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
