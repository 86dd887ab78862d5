package io.frameflow.ingest.kafka;

import java.io.Serializable;

/**
 * How {@link PacketDecodeFunction} decodes the streams of a Kafka topic. Every value is checked
 * when set, with a message naming the key used in pipeline files, the value and the valid range.
 *
 * @param maxGopBytes the most bytes of packets kept per stream since its last keyframe
 *     (checkpointed state, replayed into a fresh decoder after a restore); a stream whose GOP grows
 *     beyond it gets a dead letter and waits for its next keyframe; key {@value #MAX_GOP_BYTES}
 * @param decoderThreads FFmpeg slice threads per decoder, 0 = one per core; key {@value
 *     #DECODER_THREADS}
 */
public record PacketDecodeOptions(long maxGopBytes, int decoderThreads) implements Serializable {
    public static final String MAX_GOP_BYTES = "max-gop-bytes";
    public static final String DECODER_THREADS = "decoder-threads";

    /** The default GOP bound: several seconds of 1080p H.264 at a camera's usual bit rate. */
    public static final long DEFAULT_MAX_GOP_BYTES = 32L << 20;

    /** Lower bound of {@link #maxGopBytes()}: one small keyframe must fit. */
    public static final long MIN_MAX_GOP_BYTES = 1024;

    /** Upper bound of {@link #maxGopBytes()}: the state is held per stream in memory. */
    public static final long MAX_MAX_GOP_BYTES = 1L << 30;

    private static final long serialVersionUID = 1L;

    public PacketDecodeOptions {
        if (maxGopBytes < MIN_MAX_GOP_BYTES || maxGopBytes > MAX_MAX_GOP_BYTES) {
            throw new IllegalArgumentException(
                    "invalid Kafka source option '"
                            + MAX_GOP_BYTES
                            + "' = "
                            + maxGopBytes
                            + "; expected "
                            + MIN_MAX_GOP_BYTES
                            + " to "
                            + MAX_MAX_GOP_BYTES
                            + " bytes");
        }
        if (decoderThreads < 0 || decoderThreads > 64) {
            throw new IllegalArgumentException(
                    "invalid Kafka source option '"
                            + DECODER_THREADS
                            + "' = "
                            + decoderThreads
                            + "; expected 0 (one per core) to 64");
        }
    }

    /** A GOP bound of {@value #DEFAULT_MAX_GOP_BYTES} bytes, one decoder thread per stream. */
    public static PacketDecodeOptions defaults() {
        return new PacketDecodeOptions(DEFAULT_MAX_GOP_BYTES, 1);
    }

    public PacketDecodeOptions withMaxGopBytes(long value) {
        return new PacketDecodeOptions(value, decoderThreads);
    }

    public PacketDecodeOptions withDecoderThreads(int value) {
        return new PacketDecodeOptions(maxGopBytes, value);
    }
}
