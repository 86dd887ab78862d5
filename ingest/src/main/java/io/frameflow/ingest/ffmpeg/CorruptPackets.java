package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.util.ArrayDeque;

/**
 * Remembers packets the demuxer flagged {@code AV_PKT_FLAG_CORRUPT} until the frame decoded from
 * each comes out, so that the frame can be marked damaged. Decoders copy a packet's PTS to its
 * frame, which pairs them even when frames come out in another order; a corrupt packet without a
 * PTS marks the next frame.
 */
final class CorruptPackets {
    // a corrupt packet that never yields a frame must not pile up
    private static final int MAX_REMEMBERED = 64;

    private final ArrayDeque<Long> pts = new ArrayDeque<>();
    private int withoutPts;

    /** A corrupt packet with presentation timestamp {@code packetPts} was sent to the decoder. */
    void add(long packetPts) {
        if (packetPts == AV_NOPTS_VALUE) {
            withoutPts++;
            return;
        }
        if (pts.size() == MAX_REMEMBERED) {
            pts.removeFirst();
        }
        pts.addLast(packetPts);
    }

    /**
     * True when the frame with {@code framePts} came from a corrupt packet; forgets that packet.
     */
    boolean claim(long framePts) {
        if (framePts != AV_NOPTS_VALUE && pts.remove(framePts)) {
            return true;
        }
        if (withoutPts > 0) {
            withoutPts--;
            return true;
        }
        return false;
    }
}
