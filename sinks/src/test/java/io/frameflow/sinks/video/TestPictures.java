package io.frameflow.sinks.video;

import io.frameflow.common.AnnotatedFrame;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.Outline;
import io.frameflow.common.RunLengthMask;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.SegmentedArea;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import java.util.List;

/**
 * Synthetic frames whose every pixel is known: smooth gradients that drift a little from frame to
 * frame (so the encoder sees motion but keeps the picture close to the source), and results with a
 * tracked person, an untracked car with a child, and a segmented road.
 */
final class TestPictures {
    private TestPictures() {}

    /** Frame {@code seq} of {@code stream}, {@code w x h}, at {@code fps}. */
    static VideoFrame frame(String stream, long seq, int w, int h, double fps) {
        long pts = Math.round(seq * 1e6 / fps);
        return new VideoFrame(
                stream, seq, pts, pts / 1000, TimeSource.MEDIA, w, h, false, pixels(seq, w, h));
    }

    /** The pixels of frame {@code seq}. */
    static byte[] pixels(long seq, int w, int h) {
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                bgr[i] = (byte) (60 + 120 * x / w);
                bgr[i + 1] = (byte) (60 + 120 * y / h);
                bgr[i + 2] = (byte) (110 + 40 * Math.sin((x + 2 * seq) / 37.0));
            }
        }
        return bgr;
    }

    /** The BGR pixel at (x, y) of {@code bgr}, as {@code {b, g, r}}. */
    static int[] at(byte[] bgr, int w, int x, int y) {
        int i = (y * w + x) * 3;
        return new int[] {bgr[i] & 0xff, bgr[i + 1] & 0xff, bgr[i + 2] & 0xff};
    }

    /** {@code {b, g, r}} of a packed {@code 0xRRGGBB} colour. */
    static int[] bgrOf(int rgb) {
        return new int[] {rgb & 0xff, rgb >> 8 & 0xff, rgb >> 16 & 0xff};
    }

    /** The person's box: tracked as #7, from (40, 40) to (160, 200) on a 320x240 frame. */
    static Detection person() {
        return new Detection("person", 0, 0.91f, 40, 40, 160, 200, List.of(), 7);
    }

    /** An untracked car with a plate inside it. */
    static Detection car() {
        return new Detection(
                "car",
                2,
                0.64f,
                200,
                60,
                300,
                140,
                List.of(new Detection("plate", 0, 0.5f, 230, 110, 270, 130)));
    }

    /**
     * A road covering the bottom quarter of the frame, on a 32 x 24 grid (rows 18 to 23), with its
     * outline.
     */
    static SegmentedArea road(int w, int h) {
        int cells = 32 * 24;
        int zeros = 32 * 18;
        RunLengthMask mask = new RunLengthMask(32, 24, new int[] {zeros, cells - zeros});
        float top = h * 18 / 24f;
        Outline outline = new Outline(new float[] {0, top, w - 1, top, w - 1, h - 1, 0, h - 1});
        return new SegmentedArea("road", 0, 0.25, mask, List.of(outline));
    }

    /** Frame {@code seq} with a result holding the person, the car and the road. */
    static AnnotatedFrame annotated(String stream, long seq, int w, int h, double fps) {
        VideoFrame frame = frame(stream, seq, w, h, fps);
        return new AnnotatedFrame(frame, result(frame, List.of(person(), car()), true));
    }

    /** The result of {@code frame}: {@code detections}, and the road when {@code segmented}. */
    static FrameResult result(VideoFrame frame, List<Detection> detections, boolean segmented) {
        return new FrameResult(
                frame.streamId(),
                frame.seq(),
                frame.ptsMicros(),
                frame.captureTimeMillis(),
                frame.timeSource(),
                frame.width(),
                frame.height(),
                false,
                "seg@1>det@1",
                detections,
                null,
                segmented
                        ? new SegmentationResult(
                                "seg@1", List.of(road(frame.width(), frame.height())))
                        : null);
    }
}
