package io.frameflow.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void showsDoneOfTotalRateElapsedAndTimeLeft() {
        ProgressLine line = new ProgressLine(OptionalLong.of(795), 0);
        assertEquals("0/795 frames (0%), 0.0 frames/s, 1 s", line.format(0, SECOND));
        // 100 frames in the first 4 s: 25 frames/s, 695 left → 28 s
        assertEquals(
                "100/795 frames (12%), 25.0 frames/s, 4 s, about 28 s left",
                line.format(100, 4 * SECOND));
        // the rate is re-measured over windows of at least 3 s: unchanged after 1 more s
        assertEquals(
                "130/795 frames (16%), 25.0 frames/s, 5 s, about 27 s left",
                line.format(130, 5 * SECOND));
        assertEquals(
                "250/795 frames (31%), 50.0 frames/s, 7 s, about 11 s left",
                line.format(250, 7 * SECOND));
    }

    @Test
    void withoutATotalShowsFramesAndRateOnly() {
        ProgressLine line = new ProgressLine(OptionalLong.empty(), 0);
        assertEquals("90 frames, 30.0 frames/s, 3 s", line.format(90, 3 * SECOND));
    }

    @Test
    void theDoneFrameShowsNoTimeLeft() {
        ProgressLine line = new ProgressLine(OptionalLong.of(10), 0);
        assertEquals("10/10 frames (100%), 2.5 frames/s, 4 s", line.format(10, 4 * SECOND));
    }
}
