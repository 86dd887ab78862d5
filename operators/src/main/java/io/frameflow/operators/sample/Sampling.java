package io.frameflow.operators.sample;

import io.frameflow.common.VideoFrame;
import java.io.Serializable;

/**
 * Which frames of one stream go on to the model stages; the others are left out and counted. Both
 * rules depend only on the frames' own numbers and timestamps, never on the wall clock, so that a
 * replay of the same input keeps the same frames. (Key frames only is a third kind of sampling,
 * done by the decoder itself so that the other frames are never decoded.)
 */
public sealed interface Sampling extends Serializable {

    /** Configuration key of {@link MaxFps}. */
    String MAX_FPS_KEY = "max-fps";

    /** Configuration key of {@link EveryNth}. */
    String EVERY_KEY = "every";

    /** The highest {@link MaxFps#fps()}: more than any camera delivers. */
    double MAX_FPS_LIMIT = 1000;

    /**
     * At most {@code fps} frames per second of stream time: the time axis is cut into slots of
     * {@code 1/fps} seconds of presentation time and the first frame of each slot is kept. On
     * average exactly {@code fps} frames per second are kept when the stream is faster, every frame
     * when it is slower.
     *
     * @param fps frames per second, above 0 (fractions allowed: 0.5 is one frame every 2 s) and at
     *     most {@value #MAX_FPS_LIMIT}
     */
    record MaxFps(double fps) implements Sampling {
        private static final long serialVersionUID = 1L;

        public MaxFps {
            if (!(fps > 0 && fps <= MAX_FPS_LIMIT)) {
                throw new IllegalArgumentException(
                        "sampling '"
                                + MAX_FPS_KEY
                                + "' = "
                                + fps
                                + " is out of range; use a number of frames per second above 0"
                                + " and at most "
                                + (int) MAX_FPS_LIMIT);
            }
        }

        /** The slot of a frame: frames of one slot are one frame interval apart at most. */
        long slot(VideoFrame frame) {
            return (long) Math.floor(frame.ptsMicros() * fps / 1_000_000.0);
        }
    }

    /**
     * Every {@code n}-th frame: the frames whose sequence number is a multiple of {@code n} (0, n,
     * 2n, …). Where the source's numbering has gaps (frames lost on a live stream), the rule still
     * follows the numbers, not the count of frames seen.
     *
     * @param n at least 1 (1 keeps every frame)
     */
    record EveryNth(int n) implements Sampling {
        private static final long serialVersionUID = 1L;

        public EveryNth {
            if (n < 1) {
                throw new IllegalArgumentException(
                        "sampling '" + EVERY_KEY + "' = " + n + " is out of range; use 1 or more");
            }
        }
    }
}
