package io.frameflow.common;

import io.frameflow.common.serde.EncodedPacketTypeInfoFactory;
import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One compressed packet of one stream, as it travels between a camera or file and the decoder: an
 * H.264/H.265 access unit in Annex-B form or one JPEG picture, or one chunk of such a packet when
 * it was too large for a single Kafka record. Packets (not decoded frames) are what crosses the
 * network, so this is the unit of the Kafka encoded-video format (see {@code
 * docs/kafka-format.md}).
 *
 * @param streamId the stream's id, unique in the job (the Kafka record key)
 * @param seq the packet's number in its stream, from 0 in decode order; every chunk of a packet has
 *     the packet's number. A jump means packets were lost upstream.
 * @param codec the codec of {@code data}
 * @param ptsMicros presentation timestamp in microseconds, or {@link #NO_PTS}
 * @param captureTimeMillis capture time in epoch milliseconds (media milliseconds for files)
 * @param timeSource where {@code captureTimeMillis} came from
 * @param keyframe the packet starts a picture that decodes without earlier packets (IDR or JPEG)
 * @param codecParams the codec's parameter sets (Annex-B SPS/PPS, plus VPS for H.265), sent with
 *     keyframes so a decoder can start there; empty when absent or on other packets
 * @param chunkIndex this chunk's index, from 0; 0 for a packet sent whole
 * @param chunkCount how many chunks the packet was split into; 1 for a packet sent whole
 * @param data the packet's bytes, or this chunk's share of them
 */
@TypeInfo(EncodedPacketTypeInfoFactory.class)
public record EncodedPacket(
        String streamId,
        long seq,
        VideoCodec codec,
        long ptsMicros,
        long captureTimeMillis,
        TimeSource timeSource,
        boolean keyframe,
        byte[] codecParams,
        int chunkIndex,
        int chunkCount,
        byte[] data)
        implements PacketItem {

    /** {@link #ptsMicros()} of a packet whose presentation time is unknown. */
    public static final long NO_PTS = Long.MIN_VALUE;

    /** The wire form's byte budget for {@link #codecParams()}: parameter sets are small. */
    public static final int MAX_CODEC_PARAMS_BYTES = 64 * 1024;

    public EncodedPacket {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(timeSource, "timeSource");
        Objects.requireNonNull(codecParams, "codecParams");
        Objects.requireNonNull(data, "data");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, got " + seq);
        }
        if (chunkCount < 1 || chunkIndex < 0 || chunkIndex >= chunkCount) {
            throw new IllegalArgumentException(
                    "chunk " + chunkIndex + " of " + chunkCount + " is not a valid chunk position");
        }
        if (codecParams.length > MAX_CODEC_PARAMS_BYTES) {
            throw new IllegalArgumentException(
                    "codec parameters of "
                            + codecParams.length
                            + " bytes exceed the limit of "
                            + MAX_CODEC_PARAMS_BYTES);
        }
    }

    /** A whole (unchunked) packet. */
    public static EncodedPacket whole(
            String streamId,
            long seq,
            VideoCodec codec,
            long ptsMicros,
            long captureTimeMillis,
            TimeSource timeSource,
            boolean keyframe,
            byte[] codecParams,
            byte[] data) {
        return new EncodedPacket(
                streamId,
                seq,
                codec,
                ptsMicros,
                captureTimeMillis,
                timeSource,
                keyframe,
                codecParams,
                0,
                1,
                data);
    }

    /** True when this is one piece of a packet that was split over several records. */
    public boolean isChunk() {
        return chunkCount > 1;
    }

    /** One line for logs and dead letters, without the payload. */
    public String describe() {
        return "stream '"
                + streamId
                + "' packet "
                + seq
                + (isChunk() ? " chunk " + chunkIndex + "/" + chunkCount : "")
                + " ("
                + codec.wireName()
                + (keyframe ? ", keyframe" : "")
                + ", "
                + data.length
                + " bytes)";
    }

    @Override
    public String toString() {
        return "EncodedPacket{" + describe() + "}";
    }

    // equals/hashCode compare the bytes by content: a record would compare the array references.
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EncodedPacket p)) {
            return false;
        }
        return seq == p.seq
                && ptsMicros == p.ptsMicros
                && captureTimeMillis == p.captureTimeMillis
                && keyframe == p.keyframe
                && chunkIndex == p.chunkIndex
                && chunkCount == p.chunkCount
                && streamId.equals(p.streamId)
                && codec == p.codec
                && timeSource == p.timeSource
                && Arrays.equals(codecParams, p.codecParams)
                && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamId, seq, chunkIndex, data.length);
    }
}
