package io.frameflow.ingest.kafka;

import io.frameflow.common.EncodedPacket;
import java.util.List;

/** Joins the chunks of a packet that was split over several records back into one packet. */
final class PacketChunks {
    private PacketChunks() {}

    /**
     * The whole packet made of {@code held} (chunks 0 to n-2, in order) and {@code last} (chunk
     * n-1). The first chunk carries the codec parameters and the packet's metadata.
     */
    static EncodedPacket join(List<EncodedPacket> held, EncodedPacket last) {
        int size = last.data().length;
        for (EncodedPacket c : held) {
            size += c.data().length;
        }
        byte[] data = new byte[size];
        int at = 0;
        for (EncodedPacket c : held) {
            System.arraycopy(c.data(), 0, data, at, c.data().length);
            at += c.data().length;
        }
        System.arraycopy(last.data(), 0, data, at, last.data().length);
        EncodedPacket first = held.isEmpty() ? last : held.get(0);
        return EncodedPacket.whole(
                first.streamId(),
                first.seq(),
                first.codec(),
                first.ptsMicros(),
                first.captureTimeMillis(),
                first.timeSource(),
                first.keyframe(),
                first.codecParams(),
                data);
    }
}
