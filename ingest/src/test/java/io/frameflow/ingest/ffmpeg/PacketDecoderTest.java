package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.EncodedPacket;
import io.frameflow.common.VideoCodec;
import io.frameflow.ingest.testing.TestPackets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacketDecoderTest {
    @TempDir Path dir;

    /** Collects what the decoder delivers; wants every picture from {@code from} on. */
    private static final class Collected implements PacketDecoder.FrameSink {
        final List<Long> seqs = new ArrayList<>();
        final long from;
        int width;
        int height;
        boolean anyDamaged;

        Collected(long from) {
            this.from = from;
        }

        @Override
        public boolean wanted(long seq) {
            return seq >= from;
        }

        @Override
        public void frame(long seq, int w, int h, boolean damaged, byte[] bgr) {
            seqs.add(seq);
            width = w;
            height = h;
            anyDamaged |= damaged;
            assertThat(bgr).hasSize(w * h * 3);
        }
    }

    private static void feed(PacketDecoder d, List<EncodedPacket> packets, Collected sink)
            throws FFmpegException {
        for (EncodedPacket p : packets) {
            String error =
                    d.decode(p.seq(), p.keyframe() ? p.codecParams() : new byte[0], p.data(), sink);
            assertThat(error).as("packet %d", p.seq()).isNull();
        }
    }

    @Test
    void largeKeyframesWithTheirParametersDecodeEveryFrameUnderItsPacketsNumber() throws Exception {
        // 720p keyframes are larger than the first input buffer, and the parameter sets go in
        // front of them: the buffer grows, and the zero padding must land inside it (writing it
        // past the end once corrupted the native heap and crashed the JVM at this size)
        List<EncodedPacket> packets = TestPackets.h264(dir, "hd", 12, 4, 1280, 720);
        assertThat(packets.get(0).keyframe()).isTrue();
        assertThat(packets.get(0).data().length + packets.get(0).codecParams().length)
                .isGreaterThan(64 * 1024);

        Collected sink = new Collected(0);
        try (PacketDecoder d = new PacketDecoder(VideoCodec.H264, 1)) {
            feed(d, packets, sink);
        }

        assertThat(sink.seqs).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(sink.width).isEqualTo(1280);
        assertThat(sink.height).isEqualTo(720);
        assertThat(sink.anyDamaged).isFalse();
    }

    @Test
    void afterAResetDecodingStartsAgainAtAKeyframeAndUnwantedPicturesStayOut() throws Exception {
        List<EncodedPacket> packets = TestPackets.h264(dir, "sd", 12, 4, 320, 240);
        Collected sink = new Collected(6);
        try (PacketDecoder d = new PacketDecoder(VideoCodec.H264, 1)) {
            feed(d, packets.subList(0, 3), sink);
            d.reset();
            // a restore primes from the keyframe at 4; frames 4 and 5 went out before
            feed(d, packets.subList(4, 12), sink);
        }
        assertThat(sink.seqs).containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
    }
}
