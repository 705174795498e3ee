package org.communityscheduler.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import org.communityscheduler.server.calendar.CalendarFeeds;

/**
 * A request's path as the server shows it anywhere else (its log, an error message): a calendar feed's key is a
 * password, so every segment after one naming the feeds is masked, however the path spells it — in capitals, with
 * doubled or encoded slashes, percent-encoded letters or path parameters ({@code //FEEDS/KEY}, {@code /f%65eds;x/KEY}).
 */
public final class RequestPaths {

    /** What a masked segment is shown as. */
    static final String MASK = "*";
    private static final String FEEDS = CalendarFeeds.PATH.substring(1);
    /** Encodings of encodings are undone this many times at most. */
    private static final int DECODINGS = 3;

    private RequestPaths() {
    }

    /** The path with every segment after the first one that names the feeds masked; other paths as they are. */
    public static String withoutFeedKeys(String path) {
        String decoded = decoded(path);
        String[] segments = decoded.split("[/\\\\]", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].toLowerCase(Locale.ROOT).contains(FEEDS)) {
                StringBuilder shown = new StringBuilder(String.join("/", Arrays.copyOf(segments, i + 1)));
                for (int j = i + 1; j < segments.length; j++) {
                    shown.append('/').append(segments[j].isEmpty() ? "" : MASK);
                }
                return shown.toString();
            }
        }
        return path;
    }

    /** Percent-escapes undone, those of escapes too; a broken escape stays as it is. */
    private static String decoded(String path) {
        String text = path;
        for (int i = 0; i < DECODINGS && text.indexOf('%') >= 0; i++) {
            text = decodedOnce(text);
        }
        return text;
    }

    private static String decodedOnce(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && HexFormat.isHexDigit(text.charAt(i + 1))
                    && HexFormat.isHexDigit(text.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
