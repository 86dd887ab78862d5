package io.frameflow.ingest.kafka;

import static io.frameflow.ingest.kafka.PacketDecodeFunctionTest.FRAMES;
import static io.frameflow.ingest.kafka.PacketDecodeFunctionTest.GOP;
import static io.frameflow.ingest.kafka.PacketDecodeFunctionTest.range;
import static io.frameflow.ingest.kafka.PacketDecodeFunctionTest.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.EncodedPacket;
import io.frameflow.common.PacketItem;
import io.frameflow.ingest.kafka.PacketDecodeFunctionTest.Harness;
import io.frameflow.ingest.testing.TestPackets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the decode step: each case gives a dead letter naming the stream, the packet and the
 * reason, is counted, the stream resumes at its next keyframe, and the other stream goes on
 * untouched.
 */
class PacketDecodeBadInputTest {
    @TempDir static Path dir;
    static List<EncodedPacket> cam;
    static List<EncodedPacket> other;
    static List<EncodedPacket> jpegs;

    @BeforeAll
    static void encode() throws Exception {
        cam = TestPackets.h264(dir, "cam", FRAMES, GOP, 160, 120);
        other = TestPackets.h264(dir, "other", FRAMES, GOP, 160, 120);
        jpegs = TestPackets.mjpeg(dir, "cam", 4, 64, 48);
    }

    /** Sends {@code bad} (stream "cam") interleaved with the whole good stream "other". */
    private static Harness run(List<? extends PacketItem> bad) throws Exception {
        Harness h = new Harness();
        List<PacketItem> items = new ArrayList<>(bad);
        h.send(PacketDecodeFunctionTest.interleave(asPackets(items), other));
        assertThat(seqs(h.frames("other"))).containsExactlyElementsOf(range(0, FRAMES));
        return h;
    }

    private static List<EncodedPacket> asPackets(List<PacketItem> items) {
        return items.stream().map(i -> (EncodedPacket) i).toList();
    }

    private static List<EncodedPacket> without(List<EncodedPacket> packets, int... drop) {
        List<EncodedPacket> kept = new ArrayList<>(packets);
        for (int i = drop.length - 1; i >= 0; i--) {
            kept.remove(drop[i]);
        }
        return kept;
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static DeadLetter onlyDeadLetter(Harness h) {
        assertThat(h.deadLetters()).hasSize(1);
        DeadLetter d = h.deadLetters().get(0);
        assertThat(d.streamId()).isEqualTo("cam");
        assertThat(d.stage()).isEqualTo(PacketDecodeFunction.STAGE);
        assertThat(d.fatal()).isFalse();
        assertThat(h.count("cam", PacketDecodeMetrics.DEAD_LETTERS)).isEqualTo(1);
        return d;
    }

    @Test
    void aGapInPacketNumbersIsCountedAndTheStreamResumesAtTheNextKeyframe() throws Exception {
        try (Harness h = run(without(cam, 10, 11))) {
            DeadLetter d = onlyDeadLetter(h);
            assertThat(d.seq()).isEqualTo(12);
            assertThat(d.reason())
                    .isEqualTo(
                            "packets 10 to 11 are missing (2 packets); the stream waits for its"
                                    + " next keyframe");
            assertThat(seqs(h.frames("cam")))
                    .containsExactlyElementsOf(concat(range(0, 10), range(16, FRAMES)));
            assertThat(h.count("cam", PacketDecodeMetrics.SEQUENCE_GAPS)).isEqualTo(1);
            assertThat(h.count("cam", PacketDecodeMetrics.PACKETS_SKIPPED)).isEqualTo(4);
        }
    }

    @Test
    void aStreamJoinedMidGopStartsAtItsNextKeyframe() throws Exception {
        try (Harness h = run(cam.subList(3, FRAMES))) {
            DeadLetter d = onlyDeadLetter(h);
            assertThat(d.seq()).isEqualTo(3);
            assertThat(d.reason()).contains("starts mid-GOP", "packet 3 is not a keyframe");
            assertThat(seqs(h.frames("cam"))).containsExactlyElementsOf(range(GOP, FRAMES));
            assertThat(h.count("cam", PacketDecodeMetrics.PACKETS_SKIPPED)).isEqualTo(GOP - 3);
        }
    }

    @Test
    void aTruncatedAccessUnitIsADeadLetterAndTheStreamResumesAtTheNextKeyframe() throws Exception {
        List<EncodedPacket> bad = new ArrayList<>(cam);
        EncodedPacket p = cam.get(10);
        bad.set(10, TestPackets.truncated(p, p.data().length / 3));
        try (Harness h = run(bad)) {
            DeadLetter d = onlyDeadLetter(h);
            assertThat(d.seq()).isEqualTo(10);
            assertThat(d.reason()).contains("packet 10", "next keyframe");
            // FFmpeg's H.264 decoder conceals a cut slice; other decoders refuse the packet
            assertThat(d.reason()).containsAnyOf("concealed errors", "rejected packet 10");
            assertThat(seqs(h.frames("cam")))
                    .containsExactlyElementsOf(concat(range(0, 10), range(16, FRAMES)));
        }
    }

    @Test
    void aGopOverTheByteLimitIsADeadLetterAndTheStreamResumesAtTheNextKeyframe() throws Exception {
        long gopBytes = 0;
        for (EncodedPacket p : cam.subList(GOP, 2 * GOP)) {
            gopBytes += p.data().length + p.codecParams().length;
        }
        // the limit admits a keyframe but not the packet after it
        long limit = cam.get(GOP).data().length + cam.get(GOP).codecParams().length + 1;
        Harness h = new Harness(PacketDecodeOptions.defaults().withMaxGopBytes(limit), null);
        try (h) {
            h.send(PacketDecodeFunctionTest.interleave(cam, other));
            assertThat(h.deadLetters()).isNotEmpty();
            DeadLetter first = h.deadLetters().get(0);
            assertThat(first.streamId()).isEqualTo("cam");
            assertThat(first.reason()).contains("over max-gop-bytes = " + limit);
            assertThat(gopBytes).isGreaterThan(limit);
            // every GOP of "cam" overflows after its keyframe; "other" shares the limit
            assertThat(seqs(h.frames("cam"))).contains(0L, (long) GOP, 2L * GOP);
            assertThat(seqs(h.frames("cam"))).doesNotContain(GOP + 2L);
            assertThat(h.count("cam", PacketDecodeMetrics.PACKETS_SKIPPED)).isPositive();
        }
    }

    @Test
    void aChunkedPacketIsJoinedAndAnIncompleteChunkSetIsADeadLetter() throws Exception {
        List<EncodedPacket> bad = new ArrayList<>();
        for (EncodedPacket p : cam) {
            if (p.seq() == 0 || p.seq() == 12) {
                List<EncodedPacket> chunks = TestPackets.chunks(p, 3);
                if (p.seq() == 12) {
                    chunks = List.of(chunks.get(0), chunks.get(2)); // the middle chunk is lost
                }
                bad.addAll(chunks);
            } else {
                bad.add(p);
            }
        }
        try (Harness h = run(bad)) {
            DeadLetter d = onlyDeadLetter(h);
            assertThat(d.seq()).isEqualTo(12);
            assertThat(d.reason())
                    .startsWith(
                            "incomplete chunk set: packet 12 has 1 of its 3 chunks, then came"
                                    + " stream 'cam' packet 12 chunk 2/3");
            // chunked packet 0 decodes like a whole one; 12 is lost, 13-15 wait for keyframe 16
            assertThat(seqs(h.frames("cam")))
                    .containsExactlyElementsOf(concat(range(0, 12), range(16, FRAMES)));
        }
    }

    @Test
    void aCodecChangeIsADeadLetterAndDecodingRestartsWithTheNewCodec() throws Exception {
        List<EncodedPacket> bad = new ArrayList<>(cam.subList(0, 12));
        for (EncodedPacket j : jpegs) {
            bad.add(TestPackets.renumbered(j, 12 + j.seq()));
        }
        try (Harness h = run(bad)) {
            DeadLetter d = onlyDeadLetter(h);
            assertThat(d.seq()).isEqualTo(12);
            assertThat(d.reason())
                    .isEqualTo(
                            "the codec changed from h264 to mjpeg at packet 12; decoding restarts"
                                    + " at the next mjpeg keyframe");
            assertThat(seqs(h.frames("cam"))).containsExactlyElementsOf(range(0, 16));
            assertThat(h.frames("cam").get(15).width()).isEqualTo(64);
        }
    }

    @Test
    void aRepeatedPacketIsDroppedWithADeadLetter() throws Exception {
        List<EncodedPacket> bad = new ArrayList<>(cam);
        bad.add(6, cam.get(4));
        try (Harness h = run(bad)) {
            DeadLetter d = onlyDeadLetter(h);
            assertThat(d.reason())
                    .isEqualTo(
                            "packet 4 repeats or comes before packet 5, already received; it is"
                                    + " dropped");
            assertThat(seqs(h.frames("cam"))).containsExactlyElementsOf(range(0, FRAMES));
        }
    }
}
