package io.frameflow.ingest.kafka;

import io.frameflow.common.EncodedPacket;
import io.frameflow.common.serde.EncodedPacketTypeInfoFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The checkpointed state of the stream in the current key context: enough to rebuild its decoder
 * after a restore and to go on exactly where the last checkpoint left it.
 *
 * <ul>
 *   <li>{@code codec}: the stream's codec (wire name);
 *   <li>{@code last-packet}: the last packet number seen, to find gaps and repeats;
 *   <li>{@code gop}: the packets since the last keyframe, in order, and their size in bytes; empty
 *       while the stream waits for a keyframe;
 *   <li>{@code emitted}: the packet numbers in {@code gop} whose picture has gone out, so that
 *       replaying {@code gop} into a fresh decoder emits only the others;
 *   <li>{@code chunks}: the chunks received so far of a packet split over several records.
 * </ul>
 */
final class StreamDecodeState {
    private final ValueState<String> codec;
    private final ValueState<Long> lastPacket;
    private final ListState<EncodedPacket> gop;
    private final ValueState<Long> gopBytes;
    private final ListState<Long> emitted;
    private final ListState<EncodedPacket> chunks;

    StreamDecodeState(RuntimeContext context) {
        codec = context.getState(new ValueStateDescriptor<>("codec", Types.STRING));
        lastPacket = context.getState(new ValueStateDescriptor<>("last-packet", Types.LONG));
        gop =
                context.getListState(
                        new ListStateDescriptor<>("gop", EncodedPacketTypeInfoFactory.TYPE_INFO));
        gopBytes = context.getState(new ValueStateDescriptor<>("gop-bytes", Types.LONG));
        emitted = context.getListState(new ListStateDescriptor<>("emitted", Types.LONG));
        chunks =
                context.getListState(
                        new ListStateDescriptor<>(
                                "chunks", EncodedPacketTypeInfoFactory.TYPE_INFO));
    }

    /** The stream's codec wire name, or null before its first packet. */
    String codec() throws Exception {
        return codec.value();
    }

    void codec(String wireName) throws Exception {
        codec.update(wireName);
    }

    /** The last packet number seen, or null before the first. */
    Long lastPacket() throws Exception {
        return lastPacket.value();
    }

    void lastPacket(long seq) throws Exception {
        lastPacket.update(seq);
    }

    /** True while the stream waits for a keyframe: nothing decodable is buffered. */
    boolean awaitingKeyframe() throws Exception {
        return gopBytes.value() == null;
    }

    long gopBytes() throws Exception {
        Long bytes = gopBytes.value();
        return bytes == null ? 0 : bytes;
    }

    /** Starts a new GOP at a keyframe: what came before can no longer be needed. */
    void startGop() throws Exception {
        gop.clear();
        emitted.clear();
        gopBytes.update(0L);
    }

    void addToGop(EncodedPacket packet, long newTotalBytes) throws Exception {
        gop.add(packet);
        gopBytes.update(newTotalBytes);
    }

    List<EncodedPacket> gop() throws Exception {
        List<EncodedPacket> packets = new ArrayList<>();
        for (EncodedPacket p : gop.get()) {
            packets.add(p);
        }
        return packets;
    }

    /** Forgets the GOP: the stream waits for its next keyframe. */
    void awaitKeyframe() throws Exception {
        gop.clear();
        emitted.clear();
        gopBytes.clear();
    }

    void emitted(long seq) throws Exception {
        emitted.add(seq);
    }

    Set<Long> emitted() throws Exception {
        Set<Long> seqs = new HashSet<>();
        for (Long s : emitted.get()) {
            seqs.add(s);
        }
        return seqs;
    }

    List<EncodedPacket> chunks() throws Exception {
        List<EncodedPacket> list = new ArrayList<>();
        for (EncodedPacket p : chunks.get()) {
            list.add(p);
        }
        return list;
    }

    void addChunk(EncodedPacket chunk) throws Exception {
        chunks.add(chunk);
    }

    void clearChunks() {
        chunks.clear();
    }
}
