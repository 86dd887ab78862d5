package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MonotonicPtsTest {
    private static final long NONE = MonotonicPts.NONE;

    @Test
    void keepsIncreasingTimestamps() {
        MonotonicPts pts = new MonotonicPts(40_000);
        assertThat(pts.next(5)).isEqualTo(5);
        assertThat(pts.next(40_005)).isEqualTo(40_005);
        assertThat(pts.next(120_005)).isEqualTo(120_005);
    }

    @Test
    void missingTimestampsFollowThePreviousByOneFrame() {
        MonotonicPts pts = new MonotonicPts(33_367);
        assertThat(pts.next(NONE)).isZero();
        assertThat(pts.next(NONE)).isEqualTo(33_367);
        assertThat(pts.next(100_000)).isEqualTo(100_000);
        assertThat(pts.next(NONE)).isEqualTo(133_367);
    }

    @Test
    void repeatedOrEarlierTimestampsAreMovedForward() {
        MonotonicPts pts = new MonotonicPts(40_000);
        pts.next(400_000);
        // the case JavaCV showed on Megamind.avi: a last frame at 0
        assertThat(pts.next(0)).isEqualTo(440_000);
        assertThat(pts.next(440_000)).isEqualTo(480_000);
        assertThat(pts.next(500_000)).isEqualTo(500_000);
    }

    @Test
    void rejectsAFrameDurationBelowOneMicrosecond() {
        assertThatThrownBy(() -> new MonotonicPts(0))
                .hasMessage("frame duration must be >= 1 µs, got 0");
    }
}
