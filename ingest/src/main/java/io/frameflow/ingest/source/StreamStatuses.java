package io.frameflow.ingest.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The {@link StreamStatus} of each stream of one source reader, shared by its fetcher threads
 * (which write them) and its metrics (which read them), whichever asks first.
 */
final class StreamStatuses {
    private final Map<String, StreamStatus> byId = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;

    StreamStatuses(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    StreamStatus of(VideoStreamSpec stream) {
        return byId.computeIfAbsent(
                stream.id(), id -> new StreamStatus(id, stream.redactedUri(), clockMillis));
    }
}
