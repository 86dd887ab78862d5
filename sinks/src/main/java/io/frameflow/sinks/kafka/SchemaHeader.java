package io.frameflow.sinks.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The {@value #NAME} record header: which JSON Schema, and which version of it, a record's value
 * follows, as {@code name/version}. The schemas are in {@code docs/schema/NAME.vVERSION.json}.
 *
 * <p>Versioning: a change that only adds optional fields keeps the version (consumers must ignore
 * fields they do not know); any other change bumps it, and the schema of the old version stays. A
 * consumer that checks the header can refuse a major change instead of misreading it.
 */
public final class SchemaHeader {
    /** The header's key. */
    public static final String NAME = "frameflow-schema";

    /** Values of frame results, {@code docs/schema/frame-result.v1.json}. */
    public static final String FRAME_RESULT = "frame-result/1";

    /** Values of window results, {@code docs/schema/window-result.v1.json}. */
    public static final String WINDOW_RESULT = "window-result/1";

    /** Values of track events, {@code docs/schema/track-event.v1.json}. */
    public static final String TRACK_EVENT = "track-event/1";

    private SchemaHeader() {}

    /** The header naming {@code schema} (one of this class's constants). */
    public static Header of(String schema) {
        return new RecordHeader(NAME, schema.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The schema named by the last {@value #NAME} header of {@code headers}, or null when there is
     * none.
     */
    public static String read(Headers headers) {
        Header header = headers.lastHeader(NAME);
        return header == null || header.value() == null
                ? null
                : new String(header.value(), StandardCharsets.UTF_8);
    }
}
