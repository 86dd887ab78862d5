package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatestFrameBufferTest {
    private final StreamStatus status = new StreamStatus("cam", "rtsp://cam/live", () -> 0L);

    private static VideoFrame frame(long seq) {
        return new VideoFrame(
                "cam", seq, seq * 40_000, 0, TimeSource.ARRIVAL, 2, 1, false, new byte[6]);
    }

    private static DeadLetter deadLetter(String reason) {
        return new DeadLetter("cam", DeadLetter.WHOLE_STREAM, "read", reason, false, 0);
    }

    private static List<Object> take(LatestFrameBuffer buffer, int max) throws Exception {
        List<StreamItem> out = new ArrayList<>();
        buffer.take(out, max, 0);
        return out.stream()
                .map(i -> i instanceof VideoFrame f ? (Object) f.seq() : ((DeadLetter) i).reason())
                .toList();
    }

    @Test
    void whenFullTheOldestFrameIsDroppedAndCounted() throws Exception {
        LatestFrameBuffer buffer = new LatestFrameBuffer(3, status);
        for (long seq = 0; seq < 10; seq++) {
            buffer.put(frame(seq));
        }

        assertThat(buffer.frames()).isEqualTo(3);
        assertThat(status.drops()).isEqualTo(7);
        assertThat(take(buffer, 10)).containsExactly(7L, 8L, 9L);
    }

    @Test
    void deadLettersAreNeverDroppedAndKeepTheirPlace() throws Exception {
        LatestFrameBuffer buffer = new LatestFrameBuffer(2, status);
        buffer.put(frame(0));
        buffer.put(deadLetter("lost"));
        buffer.put(frame(1));
        buffer.put(frame(2));
        buffer.put(frame(3));

        assertThat(status.drops()).isEqualTo(2);
        assertThat(take(buffer, 10)).containsExactly("lost", 2L, 3L);
    }

    @Test
    void takeHandsOutAtMostMaxInOrder() throws Exception {
        LatestFrameBuffer buffer = new LatestFrameBuffer(8, status);
        for (long seq = 0; seq < 5; seq++) {
            buffer.put(frame(seq));
        }
        assertThat(take(buffer, 2)).containsExactly(0L, 1L);
        assertThat(take(buffer, 2)).containsExactly(2L, 3L);
        assertThat(take(buffer, 2)).containsExactly(4L);
        assertThat(status.drops()).isZero();
    }

    @Test
    void aWaitingTakeReturnsOnWakeUpAndReportsTheEndOnlyWhenEmpty() throws Exception {
        LatestFrameBuffer buffer = new LatestFrameBuffer(2, status);
        CompletableFuture<Boolean> waiting =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return buffer.take(new ArrayList<>(), 4, 60_000);
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        buffer.wakeUp();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();

        buffer.put(frame(0));
        buffer.end();
        List<StreamItem> out = new ArrayList<>();
        assertThat(buffer.take(out, 4, 0)).isTrue();
        assertThat(out).hasSize(1);
    }
}
