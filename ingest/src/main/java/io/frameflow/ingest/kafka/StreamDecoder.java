package io.frameflow.ingest.kafka;

import io.frameflow.common.EncodedPacket;
import io.frameflow.common.VideoFrame;
import io.frameflow.ingest.ffmpeg.FFmpegException;
import io.frameflow.ingest.ffmpeg.PacketDecoder;
import java.util.Set;
import java.util.TreeMap;

/**
 * The decoder of one stream in {@link PacketDecodeFunction}, with the metadata of the packets it
 * was fed until their pictures come out. Not checkpointed: after a restore it is rebuilt from
 * {@link StreamDecodeState}.
 */
final class StreamDecoder implements PacketDecoder.FrameSink, AutoCloseable {
    // packets that never yield a picture (rejected, or only parameter sets) must not pile up
    private static final int MAX_PENDING = 512;

    private final PacketDecoder decoder;
    private final StreamDecodeState state;
    private final PacketDecodeMetrics metrics;
    private final TreeMap<Long, EncodedPacket> pending = new TreeMap<>();
    private Set<Long> alreadyEmitted = Set.of();
    private PacketDecodeFunction.Output output;
    private boolean damaged;
    private Exception failure;

    StreamDecoder(PacketDecoder decoder, StreamDecodeState state, PacketDecodeMetrics metrics) {
        this.decoder = decoder;
        this.state = state;
        this.metrics = metrics;
    }

    /**
     * Decodes one packet and emits its ready pictures, except those in {@code emitted} (frames of a
     * replayed GOP that went out before the restore).
     *
     * @return false when the stream must wait for its next keyframe (a dead letter went out)
     */
    boolean feed(EncodedPacket p, Set<Long> emitted, PacketDecodeFunction.Output o)
            throws Exception {
        pending.put(p.seq(), p);
        if (pending.size() > MAX_PENDING) {
            pending.pollFirstEntry();
        }
        alreadyEmitted = emitted;
        output = o;
        damaged = false;
        failure = null;
        String rejected;
        try {
            rejected = decoder.decode(p.seq(), PacketDecodeFunction.prefixOf(p), p.data(), this);
        } catch (FFmpegException e) {
            throw new IllegalStateException(
                    "failed to decode packet " + p.seq() + " of stream '" + o.stream + "'", e);
        } finally {
            output = null;
        }
        if (failure != null) {
            throw failure;
        }
        if (rejected != null) {
            o.dead(
                    p.seq(),
                    "the "
                            + decoder.codec().wireName()
                            + " decoder rejected packet "
                            + p.seq()
                            + ": "
                            + rejected
                            + "; the stream waits for its next keyframe");
            return false;
        }
        return !damaged;
    }

    @Override
    public boolean wanted(long seq) {
        return !damaged && failure == null && !alreadyEmitted.contains(seq);
    }

    @Override
    public void frame(long seq, int width, int height, boolean damagedPicture, byte[] bgr) {
        EncodedPacket p = pending.remove(seq);
        if (p == null) {
            return; // a picture of a packet forgotten after MAX_PENDING: nothing to name it by
        }
        try {
            if (damagedPicture) {
                damaged = true;
                output.dead(
                        seq,
                        "the decoder concealed errors in the picture of packet "
                                + seq
                                + " (a truncated or corrupt access unit); the picture is dropped"
                                + " and the stream waits for its next keyframe");
                state.emitted(seq);
                return;
            }
            long pts = p.ptsMicros() == EncodedPacket.NO_PTS ? 0 : p.ptsMicros();
            output.out.collect(
                    new VideoFrame(
                            p.streamId(),
                            seq,
                            pts,
                            p.captureTimeMillis(),
                            p.timeSource(),
                            width,
                            height,
                            false,
                            bgr));
            metrics.frame(p.streamId());
            state.emitted(seq);
        } catch (Exception e) {
            failure = e;
        }
    }

    @Override
    public void close() {
        decoder.close();
    }
}
