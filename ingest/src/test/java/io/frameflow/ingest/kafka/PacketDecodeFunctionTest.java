package io.frameflow.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.EncodedPacket;
import io.frameflow.common.PacketItem;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.ingest.testing.TestPackets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacketDecodeFunctionTest {
    static final int FRAMES = 30;
    static final int GOP = 8;
    static final int WIDTH = 160;
    static final int HEIGHT = 120;

    @TempDir static Path dir;
    static List<EncodedPacket> cam1;
    static List<EncodedPacket> cam2;

    @BeforeAll
    static void encode() throws Exception {
        cam1 = TestPackets.h264(dir, "cam-1", FRAMES, GOP, WIDTH, HEIGHT);
        cam2 = TestPackets.h264(dir, "cam-2", FRAMES, GOP, WIDTH, HEIGHT);
    }

    /** The decode step in Flink's keyed operator harness. */
    static final class Harness implements AutoCloseable {
        final PacketDecodeFunction function;
        final KeyedOneInputStreamOperatorTestHarness<String, PacketItem, StreamItem> harness;

        Harness(PacketDecodeOptions options, OperatorSubtaskState restoreFrom) throws Exception {
            function = new PacketDecodeFunction(options);
            harness =
                    new KeyedOneInputStreamOperatorTestHarness<>(
                            new KeyedProcessOperator<>(function),
                            PacketItem::streamId,
                            Types.STRING);
            if (restoreFrom != null) {
                harness.initializeState(restoreFrom);
            }
            harness.open();
        }

        Harness() throws Exception {
            this(PacketDecodeOptions.defaults(), null);
        }

        void send(List<? extends PacketItem> items) throws Exception {
            for (PacketItem item : items) {
                harness.processElement(item, 0);
            }
        }

        List<StreamItem> output() {
            return new ArrayList<>(harness.extractOutputValues());
        }

        List<VideoFrame> frames(String stream) {
            return output().stream()
                    .filter(i -> i instanceof VideoFrame && i.streamId().equals(stream))
                    .map(i -> (VideoFrame) i)
                    .toList();
        }

        List<DeadLetter> deadLetters() {
            return output().stream()
                    .filter(i -> i instanceof DeadLetter)
                    .map(i -> (DeadLetter) i)
                    .toList();
        }

        long count(String stream, String metric) {
            return function.metrics().count(stream, metric);
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }

    static List<Long> seqs(List<VideoFrame> frames) {
        return frames.stream().map(VideoFrame::seq).toList();
    }

    static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    static List<PacketItem> interleave(List<EncodedPacket> a, List<EncodedPacket> b) {
        List<PacketItem> items = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                items.add(a.get(i));
            }
            if (i < b.size()) {
                items.add(b.get(i));
            }
        }
        return items;
    }

    @Test
    void everyPacketOfEachStreamBecomesOneFrameWithItsNumberAndTimes() throws Exception {
        try (Harness h = new Harness()) {
            h.send(interleave(cam1, cam2));

            for (String stream : List.of("cam-1", "cam-2")) {
                List<VideoFrame> frames = h.frames(stream);
                assertThat(seqs(frames)).containsExactlyElementsOf(range(0, FRAMES));
                List<EncodedPacket> packets = stream.equals("cam-1") ? cam1 : cam2;
                for (VideoFrame f : frames) {
                    EncodedPacket p = packets.get((int) f.seq());
                    assertThat(f.ptsMicros()).isEqualTo(p.ptsMicros());
                    assertThat(f.captureTimeMillis()).isEqualTo(p.captureTimeMillis());
                    assertThat(f.timeSource()).isEqualTo(p.timeSource());
                    assertThat(f.width()).isEqualTo(WIDTH);
                    assertThat(f.height()).isEqualTo(HEIGHT);
                    assertThat(f.damaged()).isFalse();
                }
                assertThat(h.count(stream, PacketDecodeMetrics.FRAMES_DECODED)).isEqualTo(FRAMES);
            }
            assertThat(h.deadLetters()).isEmpty();
        }
    }

    @Test
    void aRestoreMidGopReplaysTheGopAndEmitsEveryFrameExactlyOnce() throws Exception {
        List<VideoFrame> reference;
        try (Harness h = new Harness()) {
            h.send(cam1);
            reference = h.frames("cam-1");
        }
        int checkpointAt = 13; // packets 8..12 of the second GOP are in the checkpoint
        List<VideoFrame> beforeFailure;
        OperatorSubtaskState snapshot;
        try (Harness h = new Harness()) {
            h.send(interleave(cam1.subList(0, checkpointAt), cam2.subList(0, 5)));
            snapshot = h.harness.snapshot(1, 1);
            beforeFailure = h.frames("cam-1");
            // processed after the checkpoint, then lost with the failure: replayed from Kafka
            h.send(cam1.subList(checkpointAt, checkpointAt + 4));
        }
        try (Harness h = new Harness(PacketDecodeOptions.defaults(), snapshot)) {
            h.send(interleave(cam1.subList(checkpointAt, FRAMES), cam2.subList(5, FRAMES)));

            List<VideoFrame> all = new ArrayList<>(beforeFailure);
            all.addAll(h.frames("cam-1"));
            assertThat(seqs(all)).containsExactlyElementsOf(range(0, FRAMES));
            // the replayed decoder gives the very pictures an uninterrupted run gives
            assertThat(all).containsExactlyElementsOf(reference);
            assertThat(seqs(h.frames("cam-2"))).containsExactlyElementsOf(range(5, FRAMES));
            assertThat(h.deadLetters()).isEmpty();
        }
    }

    @Test
    void aRestoreRightAfterAKeyframeAndBeforeAnyPacketWorks() throws Exception {
        OperatorSubtaskState snapshot;
        try (Harness h = new Harness()) {
            h.send(cam1.subList(0, GOP + 1));
            snapshot = h.harness.snapshot(1, 1);
        }
        try (Harness h = new Harness(PacketDecodeOptions.defaults(), snapshot)) {
            h.send(cam1.subList(GOP + 1, FRAMES));
            assertThat(seqs(h.frames("cam-1"))).containsExactlyElementsOf(range(GOP + 1, FRAMES));
        }
    }
}
