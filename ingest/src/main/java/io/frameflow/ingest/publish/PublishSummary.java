package io.frameflow.ingest.publish;

import java.util.Locale;

/**
 * What a {@link VideoPublisher} has sent so far (during a run, for progress) or in all (after it).
 *
 * @param packets packets sent
 * @param keyframes of which keyframes
 * @param records Kafka records written: one per packet, more for packets split into chunks
 * @param chunkedPackets packets that were split into chunks
 * @param bytes payload bytes (packet data and codec parameters), without keys and headers
 * @param mediaMicros the span of the packets' PTS, i.e. how much video was sent
 * @param elapsedNanos wall time since the first packet was read
 * @param stopped the run was stopped before the end of its input
 */
public record PublishSummary(
        long packets,
        long keyframes,
        long records,
        long chunkedPackets,
        long bytes,
        long mediaMicros,
        long elapsedNanos,
        boolean stopped) {

    /** Packets per second of wall time. */
    public double packetsPerSecond() {
        return elapsedNanos <= 0 ? 0 : packets * 1e9 / elapsedNanos;
    }

    /** Payload megabits per second of wall time. */
    public double megabitsPerSecond() {
        return elapsedNanos <= 0 ? 0 : bytes * 8e3 / elapsedNanos;
    }

    /** One line for people, e.g. {@code 300 packets (30 keyframes) in 312 records, 4.1 MB ...}. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%d packets (%d keyframes) in %d records (%d packets chunked), %.1f MB, %.1f s of"
                        + " video in %.1f s: %.1f packets/s, %.1f Mbit/s%s",
                packets,
                keyframes,
                records,
                chunkedPackets,
                bytes / 1e6,
                mediaMicros / 1e6,
                elapsedNanos / 1e9,
                packetsPerSecond(),
                megabitsPerSecond(),
                stopped ? " (stopped early)" : "");
    }
}
