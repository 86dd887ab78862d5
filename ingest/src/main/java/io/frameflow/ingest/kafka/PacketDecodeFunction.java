package io.frameflow.ingest.kafka;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.EncodedPacket;
import io.frameflow.common.PacketItem;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoCodec;
import io.frameflow.ingest.ffmpeg.FFmpegException;
import io.frameflow.ingest.ffmpeg.PacketDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes the packets of a Kafka topic, keyed by stream id, with one FFmpeg decoder per stream, and
 * emits {@link StreamItem}s (frames and dead letters) for the detection stage.
 *
 * <p>Exactly-once: the packets since each stream's last keyframe and the numbers of the frames
 * already emitted from them are checkpointed ({@link StreamDecodeState}). After a restore the first
 * packet of a stream replays that GOP into a fresh decoder, and the pictures of packets already
 * emitted are decoded (later pictures refer to them) but not emitted again. A frame's {@code seq}
 * is its packet's number.
 *
 * <p>Bad input never stops the job: each case produces a dead letter naming the stream, the packet
 * and the reason, is counted ({@link PacketDecodeMetrics}), and the stream waits for its next
 * keyframe: a gap in the packet numbers, a stream that starts mid-GOP, a chunk set that is
 * incomplete, a GOP over {@link PacketDecodeOptions#maxGopBytes()}, a codec change, a packet the
 * decoder rejects, a picture the decoder had to conceal errors in (a truncated or corrupt access
 * unit; it is not emitted, as the pictures after it would inherit the damage). Dead letters of
 * unreadable records ({@link PacketRecordDeserializer}) pass through.
 */
public final class PacketDecodeFunction
        extends KeyedProcessFunction<String, PacketItem, StreamItem> {
    /** The stage named by this step's dead letters. */
    public static final String STAGE = "decode";

    private static final long serialVersionUID = 1L;
    private static final byte[] NO_BYTES = new byte[0];

    private final PacketDecodeOptions options;
    private transient StreamDecodeState state;
    private transient PacketDecodeMetrics metrics;
    private transient Map<String, StreamDecoder> decoders;

    public PacketDecodeFunction(PacketDecodeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void open(OpenContext openContext) {
        state = new StreamDecodeState(getRuntimeContext());
        metrics = new PacketDecodeMetrics(getRuntimeContext().getMetricGroup());
        decoders = new HashMap<>();
    }

    @Override
    public void processElement(PacketItem item, Context ctx, Collector<StreamItem> out)
            throws Exception {
        if (item instanceof DeadLetter d) {
            metrics.deadLetter(d.streamId());
            out.collect(d);
            return;
        }
        EncodedPacket p = (EncodedPacket) item;
        Output o = new Output(p.streamId(), out);
        EncodedPacket whole = p.isChunk() ? joinChunks(p, o) : wholePacket(p, o);
        if (whole != null) {
            onPacket(whole, o);
        }
    }

    /** A packet sent whole: any chunks still waiting belong to a packet that will not complete. */
    private EncodedPacket wholePacket(EncodedPacket p, Output o) throws Exception {
        dropIncompleteChunks(p, o);
        return p;
    }

    /** Adds a chunk; returns the joined packet when it was the last one, else null. */
    private EncodedPacket joinChunks(EncodedPacket chunk, Output o) throws Exception {
        List<EncodedPacket> held = state.chunks();
        if (!held.isEmpty() && !continues(held, chunk)) {
            dropIncompleteChunks(chunk, o);
            held = List.of();
        }
        if (held.isEmpty() && chunk.chunkIndex() != 0) {
            Long last = state.lastPacket();
            if (last != null && chunk.seq() <= last) {
                return null; // the rest of a packet already reported lost (or a repeat)
            }
            o.dead(
                    chunk.seq(),
                    "incomplete chunk set: "
                            + chunk.describe()
                            + " arrived without the chunks before it; the packet is dropped and"
                            + " the stream waits for its next keyframe");
            lostPacket(chunk.seq(), o);
            return null;
        }
        state.addChunk(chunk);
        if (chunk.chunkIndex() < chunk.chunkCount() - 1) {
            return null;
        }
        state.clearChunks();
        return PacketChunks.join(held, chunk);
    }

    private static boolean continues(List<EncodedPacket> held, EncodedPacket chunk) {
        EncodedPacket first = held.get(0);
        return chunk.seq() == first.seq()
                && chunk.chunkCount() == first.chunkCount()
                && chunk.chunkIndex() == held.size();
    }

    private void dropIncompleteChunks(EncodedPacket next, Output o) throws Exception {
        List<EncodedPacket> held = state.chunks();
        if (held.isEmpty()) {
            return;
        }
        EncodedPacket first = held.get(0);
        o.dead(
                first.seq(),
                "incomplete chunk set: packet "
                        + first.seq()
                        + " has "
                        + held.size()
                        + " of its "
                        + first.chunkCount()
                        + " chunks, then came "
                        + next.describe()
                        + "; the packet is dropped and the stream waits for its next keyframe");
        state.clearChunks();
        lostPacket(first.seq(), o);
    }

    /** A packet was lost here: the stream cannot decode on until its next keyframe. */
    private void lostPacket(long seq, Output o) throws Exception {
        Long last = state.lastPacket();
        if (last == null || seq > last) {
            state.lastPacket(seq);
        }
        resync(o.stream);
    }

    private void onPacket(EncodedPacket p, Output o) throws Exception {
        Long last = state.lastPacket();
        if (last != null && p.seq() <= last) {
            o.dead(
                    p.seq(),
                    "packet "
                            + p.seq()
                            + " repeats or comes before packet "
                            + last
                            + ", already received; it is dropped");
            return;
        }
        state.lastPacket(p.seq());
        checkCodec(p, o);
        if (last != null && p.seq() > last + 1) {
            metrics.gap(o.stream);
            o.dead(
                    p.seq(),
                    "packets "
                            + (last + 1)
                            + " to "
                            + (p.seq() - 1)
                            + " are missing ("
                            + (p.seq() - last - 1)
                            + " packets); "
                            + (p.keyframe()
                                    ? "decoding resumes at this keyframe"
                                    : "the stream waits for its next keyframe"));
            resync(o.stream);
        }
        if (state.awaitingKeyframe() && !p.keyframe()) {
            metrics.skipped(o.stream);
            if (last == null) {
                o.dead(
                        p.seq(),
                        "the stream starts mid-GOP: packet "
                                + p.seq()
                                + " is not a keyframe; packets are skipped until the next"
                                + " keyframe");
            }
            return;
        }
        if (keep(p, o)) {
            decode(p, o);
        }
    }

    private void checkCodec(EncodedPacket p, Output o) throws Exception {
        String codec = state.codec();
        String now = p.codec().wireName();
        if (codec != null && !codec.equals(now)) {
            o.dead(
                    p.seq(),
                    "the codec changed from "
                            + codec
                            + " to "
                            + now
                            + " at packet "
                            + p.seq()
                            + "; decoding restarts at the next "
                            + now
                            + " keyframe");
            resync(o.stream);
        }
        if (!now.equals(codec)) {
            state.codec(now);
        }
    }

    /** Adds the packet to the stream's GOP; false (after a dead letter) when over the bound. */
    private boolean keep(EncodedPacket p, Output o) throws Exception {
        if (p.keyframe()) {
            state.startGop();
        }
        long bytes = state.gopBytes() + p.data().length + p.codecParams().length;
        if (bytes > options.maxGopBytes()) {
            metrics.skipped(o.stream);
            o.dead(
                    p.seq(),
                    "the packets since the last keyframe reach "
                            + bytes
                            + " bytes with packet "
                            + p.seq()
                            + ", over "
                            + PacketDecodeOptions.MAX_GOP_BYTES
                            + " = "
                            + options.maxGopBytes()
                            + "; packets are skipped until the next keyframe");
            resync(o.stream);
            return false;
        }
        state.addToGop(p, bytes);
        return true;
    }

    private void decode(EncodedPacket p, Output o) throws Exception {
        StreamDecoder decoder = decoders.get(o.stream);
        List<EncodedPacket> feed = List.of(p);
        Set<Long> emitted = Set.of();
        if (decoder == null) {
            decoder = open(p, o);
            if (decoder == null) {
                return;
            }
            // a fresh decoder (first packet, or first after a restore): replay the whole GOP
            feed = state.gop();
            emitted = state.emitted();
        }
        for (EncodedPacket q : feed) {
            if (!decoder.feed(q, emitted, o)) {
                resync(o.stream);
                return;
            }
        }
    }

    private StreamDecoder open(EncodedPacket p, Output o) throws Exception {
        try {
            StreamDecoder d =
                    new StreamDecoder(
                            new PacketDecoder(p.codec(), options.decoderThreads()), state, metrics);
            decoders.put(o.stream, d);
            return d;
        } catch (FFmpegException e) {
            o.dead(p.seq(), "cannot start a decoder: " + e.getMessage());
            resync(o.stream);
            return null;
        }
    }

    /** The stream waits for its next keyframe; its decoder, if any, is closed. */
    private void resync(String stream) throws Exception {
        state.awaitKeyframe();
        StreamDecoder d = decoders.remove(stream);
        if (d != null) {
            d.close();
        }
    }

    /** The counters of this instance; for tests. */
    PacketDecodeMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (decoders != null) {
            decoders.values().forEach(StreamDecoder::close);
            decoders.clear();
        }
    }

    /** Where one packet's output goes: frames and this step's dead letters. */
    final class Output {
        final String stream;
        final Collector<StreamItem> out;

        Output(String stream, Collector<StreamItem> out) {
            this.stream = stream;
            this.out = out;
        }

        void dead(long seq, String reason) {
            metrics.deadLetter(stream);
            out.collect(
                    new DeadLetter(stream, seq, STAGE, reason, false, System.currentTimeMillis()));
        }
    }

    static byte[] prefixOf(EncodedPacket p) {
        return p.keyframe() && p.codec() != VideoCodec.MJPEG ? p.codecParams() : NO_BYTES;
    }
}
