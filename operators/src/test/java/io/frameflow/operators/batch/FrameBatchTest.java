package io.frameflow.operators.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

class FrameBatchTest {

    private static VideoFrame frame(long seq) {
        return new VideoFrame("cam", seq, 0, 0, TimeSource.MEDIA, 1, 1, false, new byte[3]);
    }

    @Test
    void keepsFramesAndTheirTimestampsInArrivalOrderWhenTheRecordIsReused() {
        FrameBatch<VideoFrame> batch = new FrameBatch<>(3);
        StreamRecord<Object> reused = new StreamRecord<>(null, 100);
        batch.add(frame(0), reused);
        reused.replace(null);
        reused.eraseTimestamp();
        batch.add(frame(1), reused);
        reused.replace(null, 300);
        batch.add(frame(2), reused);

        assertThat(batch.isFull()).isTrue();
        assertThat(batch.frames()).extracting(VideoFrame::seq).containsExactly(0L, 1L, 2L);
        StreamRecord<String> out = new StreamRecord<>("x", 999);
        assertThat(batch.stamp(0, out).getTimestamp()).isEqualTo(100);
        assertThat(batch.stamp(1, out).hasTimestamp()).isFalse();
        assertThat(batch.stamp(2, out).getTimestamp()).isEqualTo(300);
    }

    @Test
    void clearEmptiesTheBatchForReuse() {
        FrameBatch<VideoFrame> batch = new FrameBatch<>(2);
        batch.add(frame(0), new StreamRecord<>(null));
        batch.clear();

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.frames()).isEmpty();
        batch.add(frame(5), new StreamRecord<>(null));
        assertThat(batch.frame(0).seq()).isEqualTo(5);
    }

    @Test
    void refusesAFrameWhenFullAndIndexesOutsideTheBatch() {
        FrameBatch<VideoFrame> batch = new FrameBatch<>(1);
        batch.add(frame(0), new StreamRecord<>(null));
        assertThatThrownBy(() -> batch.add(frame(1), new StreamRecord<>(null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "batch is full (1 frames); run it before adding VideoFrame{cam#1, 1x1}");
        assertThatThrownBy(() -> batch.frame(1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("frame 1 of a batch of 1 frames");
        assertThatThrownBy(() -> new FrameBatch<VideoFrame>(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch capacity must be at least 1, got 0");
    }
}
