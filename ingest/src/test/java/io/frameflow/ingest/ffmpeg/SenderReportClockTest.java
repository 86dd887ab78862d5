package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SenderReportClockTest {
    // 2024-05-01T12:00:00Z in epoch microseconds
    private static final long NOON = 1_714_564_800_000_000L;

    @Test
    void unknownUntilTheDemuxerHasASenderReport() {
        assertThat(SenderReportClock.wallClockMicros(Long.MIN_VALUE, 0, 40_000))
                .isEqualTo(SenderReportClock.UNKNOWN);
        assertThat(SenderReportClock.wallClockMicros(0, 0, 40_000))
                .isEqualTo(SenderReportClock.UNKNOWN);
    }

    @Test
    void frameTimeIsTheRealtimeStartPlusItsPtsFromFfmpegsOrigin() {
        // FFmpeg's start_time_realtime is the wall clock of PTS 0; the stream's first packet came
        // 1.5 s after that origin (start_time), and the frame is 2 s into the stream
        long streamStart = 1_500_000;
        long pts = 2_000_000;

        assertThat(SenderReportClock.wallClockMicros(NOON, streamStart, pts))
                .isEqualTo(NOON + 3_500_000);
    }

    @Test
    void framesOneIntervalApartAreOneIntervalApartOnTheWallClock() {
        long first = SenderReportClock.wallClockMicros(NOON, 0, 0);
        long tenth = SenderReportClock.wallClockMicros(NOON, 0, 9 * 100_000);
        assertThat(tenth - first).isEqualTo(900_000);
    }
}
