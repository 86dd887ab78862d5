package io.frameflow.operators.detect;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.Detection;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import java.util.List;

/** Small frames with known pixels, and what {@link FakeDetectorFactory} must find in them. */
final class TestFrames {

    static final int WIDTH = 4;
    static final int HEIGHT = 2;

    private TestFrames() {}

    /**
     * A frame whose bytes alternate between {@code mean + 1} and {@code mean - 1}, so that their
     * mean is exactly {@code mean} (1 to 254). Every fifth frame is marked damaged.
     */
    static VideoFrame frame(String stream, long seq, int mean) {
        if (mean < 1 || mean > 254) {
            throw new IllegalArgumentException("mean must be in [1, 254], got " + mean);
        }
        byte[] bgr = new byte[WIDTH * HEIGHT * 3];
        for (int i = 0; i < bgr.length; i++) {
            bgr[i] = (byte) (i % 2 == 0 ? mean + 1 : mean - 1);
        }
        return new VideoFrame(
                stream,
                seq,
                seq * 40_000L + 7,
                1_700_000_000_000L + seq * 40,
                seq % 2 == 0 ? TimeSource.ARRIVAL : TimeSource.MEDIA,
                WIDTH,
                HEIGHT,
                seq % 5 == 3,
                bgr);
    }

    /** The fake's detections for a frame of this mean, best score first. */
    static List<Detection> expectedDetections(int mean) {
        int classId = mean % 3;
        return List.of(
                new Detection(
                        FakeDetectorFactory.LABELS.get(classId),
                        classId,
                        mean / 255f,
                        0,
                        0,
                        WIDTH,
                        HEIGHT),
                new Detection("small", 99, mean / 510f, 0, 0, WIDTH / 2f, HEIGHT / 2f));
    }

    static DeadLetter decodeError(String stream, long seq) {
        return new DeadLetter(stream, seq, "decode", "corrupt packet " + seq, false, 1234L);
    }
}
