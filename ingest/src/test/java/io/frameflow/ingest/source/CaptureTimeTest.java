package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.TimeSource;
import io.frameflow.ingest.ffmpeg.DecodeEvent.DecodedFrame;
import io.frameflow.ingest.ffmpeg.SenderReportClock;
import org.junit.jupiter.api.Test;

class CaptureTimeTest {
    private static final long NOW = 1_714_564_800_123L;

    @Test
    void aFileIsOnItsMediaTimeEvenWithAWallClock() {
        CaptureTime t = CaptureTime.of(true, 1_234_567, frame(99_000_000), () -> NOW);
        assertThat(t).isEqualTo(new CaptureTime(1_234, TimeSource.MEDIA));
    }

    @Test
    void aLiveStreamWithASenderReportIsOnTheSendersClock() {
        CaptureTime t = CaptureTime.of(false, 0, frame(1_714_564_799_999_999L), () -> NOW);
        assertThat(t).isEqualTo(new CaptureTime(1_714_564_799_999L, TimeSource.SENDER_REPORT));
    }

    @Test
    void aLiveStreamWithoutOneIsOnArrivalTime() {
        CaptureTime t = CaptureTime.of(false, 0, frame(SenderReportClock.UNKNOWN), () -> NOW);
        assertThat(t).isEqualTo(new CaptureTime(NOW, TimeSource.ARRIVAL));
    }

    private static DecodedFrame frame(long wallClockMicros) {
        return new DecodedFrame(0, wallClockMicros, 2, 2, false, new byte[12]);
    }
}
