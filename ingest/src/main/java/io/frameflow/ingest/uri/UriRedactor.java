package io.frameflow.ingest.uri;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides passwords in stream URIs before they reach logs, metrics, dead letters or exception
 * messages: {@code rtsp://user:secret@cam/live} becomes {@code rtsp://user:***@cam/live}.
 *
 * <p>It works on any text, not only on a bare URI, because FFmpeg's own messages and wrapped
 * exceptions may quote the URI in the middle of a sentence. Every URI in the text is redacted.
 */
public final class UriRedactor {

    /** What a password is replaced with. */
    public static final String MASK = "***";

    // scheme://user:password@ — the password runs to the last '@' before the path starts, so a
    // raw '@' inside a password is hidden too. '/' cannot appear in it: RFC 3986 reserves it,
    // and allowing it would mistake "host:554/a@b" for credentials.
    private static final Pattern CREDENTIALS =
            Pattern.compile("([a-zA-Z][a-zA-Z0-9+.\\-]*://[^/\\s:@]*):([^\\s/]*)@");

    private UriRedactor() {}

    /**
     * Returns {@code text} with the password of every URI in it replaced by {@link #MASK}; the user
     * name stays, so that a reader can still tell which account was used. {@code null} stays {@code
     * null}.
     */
    public static String redact(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = CREDENTIALS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
