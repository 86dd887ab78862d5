package io.frameflow.sinks.video;

import static io.frameflow.sinks.video.TestPictures.at;
import static io.frameflow.sinks.video.TestPictures.bgrOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.RunLengthMask;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.SegmentedArea;
import io.frameflow.common.VideoFrame;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAnnotatorTest {
    private static final int W = 320;
    private static final int H = 240;

    private final VideoFrame frame = TestPictures.frame("cam", 3, W, H, 25);
    private final byte[] source = frame.bgr().clone();

    private byte[] draw(DrawOptions options, FrameResult result) {
        byte[] out = new byte[W * H * 3];
        new FrameAnnotator(options).annotate(frame, result, out);
        return out;
    }

    @Test
    void boxOutlinesHaveTheClassColourAndLeaveTheInsideAlone() {
        byte[] out =
                draw(DrawOptions.only(List.of("boxes")), result(List.of(TestPictures.person())));
        int colour = ClassColors.of("person");
        int t = FrameAnnotator.lineWidth(H);
        assertThat(t).isEqualTo(2);
        // left edge: columns 40..41, right edge: columns 158..159 (x2 = 160 is exclusive)
        for (int y : new int[] {40, 100, 199}) {
            assertThat(at(out, W, 40, y)).containsExactly(bgrOf(colour));
            assertThat(at(out, W, 41, y)).containsExactly(bgrOf(colour));
            assertThat(at(out, W, 159, y)).containsExactly(bgrOf(colour));
        }
        for (int y : new int[] {42, 100, 197}) {
            assertThat(at(out, W, 42, y)).containsExactly(at(source, W, 42, y));
            assertThat(at(out, W, 39, y)).containsExactly(at(source, W, 39, y));
            assertThat(at(out, W, 160, y)).containsExactly(at(source, W, 160, y));
        }
        assertThat(at(out, W, 100, 40)).containsExactly(bgrOf(colour));
        assertThat(at(out, W, 100, 199)).containsExactly(bgrOf(colour));
        assertThat(at(out, W, 100, 120)).containsExactly(at(source, W, 100, 120));
        assertThat(at(out, W, 100, 200)).containsExactly(at(source, W, 100, 200));
    }

    @Test
    void theFramesOwnPixelsAreNeverTouched() {
        draw(DrawOptions.all(), TestPictures.annotated("cam", 3, W, H, 25).result());
        assertThat(frame.bgr()).isEqualTo(source);
    }

    @Test
    void withNothingToDrawTheCopyEqualsTheSource() {
        byte[] out = draw(DrawOptions.none(), TestPictures.annotated("cam", 3, W, H, 25).result());
        assertThat(out).isEqualTo(source);
    }

    @Test
    void aTrackedDetectionGetsATagWithLabelScoreAndTrackId() {
        byte[] withId =
                draw(
                        DrawOptions.only(List.of("track-ids")),
                        result(List.of(TestPictures.person())));
        Detection untracked = TestPictures.person().withTrackId(Detection.NO_TRACK);
        byte[] withoutId = draw(DrawOptions.only(List.of("track-ids")), result(List.of(untracked)));
        // "#7" at scale 1: a tag 2 * 6 + 1 wide and 9 high above the box, in the class colour
        int colour = ClassColors.of("person");
        assertThat(at(withId, W, 40, 31)).containsExactly(bgrOf(colour));
        assertThat(at(withId, W, 52, 39)).containsExactly(bgrOf(colour));
        assertThat(countDifferent(withId, source)).isBetween(13 * 9 - 30, 13 * 9);
        assertThat(withoutId).isEqualTo(source);
        byte[] everything =
                draw(
                        DrawOptions.only(List.of("labels", "scores", "track-ids")),
                        result(List.of(TestPictures.person())));
        // "person 0.91 #7" is 14 characters
        int tagWidth = 14 * 6 + 1;
        assertThat(at(everything, W, 40 + tagWidth - 1, 31)).containsExactly(bgrOf(colour));
        assertThat(at(everything, W, 40 + tagWidth, 31))
                .containsExactly(at(source, W, 40 + tagWidth, 31));
    }

    @Test
    void aTagAtTheTopEdgeGoesInsideTheBox() {
        Detection top = new Detection("person", 0, 0.5f, 10, 0, 100, 50);
        byte[] out = draw(DrawOptions.only(List.of("labels")), result(List.of(top)));
        assertThat(at(out, W, 10, 0)).containsExactly(bgrOf(ClassColors.of("person")));
        assertThat(at(out, W, 10, 8)).containsExactly(bgrOf(ClassColors.of("person")));
        assertThat(at(out, W, 10, 9)).containsExactly(at(source, W, 10, 9));
    }

    @Test
    void childrenAreDrawnThinnerInTheirOwnColour() {
        byte[] out =
                draw(
                        DrawOptions.only(List.of("boxes", "children")),
                        result(List.of(TestPictures.car())));
        int plate = ClassColors.of("plate");
        assertThat(at(out, W, 230, 120)).containsExactly(bgrOf(plate));
        assertThat(at(out, W, 231, 120)).containsExactly(at(source, W, 231, 120));
        byte[] noChildren =
                draw(DrawOptions.only(List.of("boxes")), result(List.of(TestPictures.car())));
        assertThat(at(noChildren, W, 230, 120)).containsExactly(at(source, W, 230, 120));
    }

    @Test
    void masksBlendTheirCellsAndNothingElse() {
        DrawOptions masks = DrawOptions.only(List.of("masks")).withMaskOpacity(0.5);
        byte[] out = draw(masks, segmented(TestPictures.road(W, H)));
        int[] road = bgrOf(ClassColors.of("road"));
        for (int[] p : new int[][] {{0, 180}, {319, 239}, {160, 200}}) {
            int[] src = at(source, W, p[0], p[1]);
            int[] expected = new int[3];
            for (int c = 0; c < 3; c++) {
                expected[c] = (src[c] * 128 + road[c] * 128) >> 8;
            }
            assertThat(at(out, W, p[0], p[1])).containsExactly(expected);
        }
        assertThat(at(out, W, 160, 179)).containsExactly(at(source, W, 160, 179));
        assertThat(countDifferent(out, source)).isLessThanOrEqualTo(W * 60);
    }

    @Test
    void aCoarseMaskGridCoversThePixelsThatMapToItsCells() {
        // a 3x3 grid on a 320x240 frame: cell (1, 1) covers x 107..213, y 80..159
        RunLengthMask centre = new RunLengthMask(3, 3, new int[] {4, 1, 4});
        SegmentedArea area = new SegmentedArea("blob", 1, 1 / 9.0, centre, List.of());
        byte[] out = draw(DrawOptions.only(List.of("masks")), segmented(area));
        for (int x = 0; x < W; x++) {
            for (int y = 0; y < H; y++) {
                boolean inCell = x * 3 / W == 1 && y * 3 / H == 1;
                boolean changed = !Arrays.equals(at(out, W, x, y), at(source, W, x, y));
                if (inCell != changed && !sameAfterBlend(x, y)) {
                    throw new AssertionError("pixel " + x + "," + y + " in cell: " + inCell);
                }
            }
        }
    }

    @Test
    void polygonsAreOutlined() {
        byte[] out =
                draw(DrawOptions.only(List.of("polygons")), segmented(TestPictures.road(W, H)));
        int[] road = bgrOf(ClassColors.of("road"));
        assertThat(at(out, W, 160, 180)).containsExactly(road);
        assertThat(at(out, W, 0, 210)).containsExactly(road);
        assertThat(at(out, W, 160, 210)).containsExactly(at(source, W, 160, 210));
    }

    @Test
    void shapesOutsideThePictureAreClipped() {
        Detection outside = new Detection("person", 0, 0.5f, -50, -50, 10_000, 10_000);
        byte[] out = draw(DrawOptions.all(), result(List.of(outside)));
        assertThat(at(out, W, 160, 120)).containsExactly(at(source, W, 160, 120));
        Canvas canvas = new Canvas().reset(out.clone(), W, H);
        canvas.line(-1e9, -1e9, 1e9, 1e9, 3, 0xff0000);
        canvas.line(Double.NaN, 0, 5, 5, 3, 0xff0000);
    }

    private boolean sameAfterBlend(int x, int y) {
        // a blend can leave a pixel unchanged when source and colour are close enough
        int[] s = at(source, W, x, y);
        int[] c = bgrOf(ClassColors.of("blob"));
        int a = (int) Math.round(DrawOptions.DEFAULT_MASK_OPACITY * 256);
        for (int i = 0; i < 3; i++) {
            if (((s[i] * (256 - a) + c[i] * a) >> 8) != s[i]) {
                return false;
            }
        }
        return true;
    }

    private static int countDifferent(byte[] a, byte[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i += 3) {
            if (a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2]) {
                n++;
            }
        }
        return n;
    }

    private FrameResult result(List<Detection> detections) {
        return TestPictures.result(frame, detections, false);
    }

    private FrameResult segmented(SegmentedArea area) {
        return new FrameResult(
                frame.streamId(),
                frame.seq(),
                frame.ptsMicros(),
                frame.captureTimeMillis(),
                frame.timeSource(),
                W,
                H,
                false,
                "seg@1",
                List.of(),
                null,
                new SegmentationResult("seg@1", List.of(area)));
    }
}
