package io.frameflow.sinks.video;

import static io.frameflow.sinks.video.TestPictures.at;
import static io.frameflow.sinks.video.TestPictures.bgrOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.frameflow.common.AnnotatedFrame;
import io.frameflow.common.Detection;
import io.frameflow.common.VideoFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer on its own, with processing time moved by hand; files decoded back with JavaCV. */
class AnnotatedVideoWriterTest {
    private static final int W = 320;
    private static final int H = 240;

    @TempDir Path out;

    private final TestProcessingTimeService time = new TestProcessingTimeService();

    private AnnotatedVideoWriter writer(VideoSinkOptions options) throws Exception {
        return new AnnotatedVideoWriter(options, time, VideoSinkMetrics.unregistered());
    }

    private VideoSinkOptions options() {
        return VideoSinkOptions.defaults(out.toString()).withQuality(Quality.HIGH);
    }

    @Test
    void framesWithResultsBecomeAPlayableMp4WithTheDrawingsOnIt() throws Exception {
        AnnotatedVideoWriter writer = writer(options());
        Path dir = out.resolve("cam-1");
        for (int seq = 0; seq < 30; seq++) {
            writer.write(TestPictures.annotated("cam-1", seq, W, H, 25), null);
        }
        assertThat(Mp4Files.list(dir)).containsExactly(".cam-1-0.mp4.inprogress");
        writer.flush(true);
        assertThat(Mp4Files.list(dir)).containsExactly("cam-1-0.mp4");
        writer.close();

        Mp4Files.Decoded video = Mp4Files.decode(dir.resolve("cam-1-0.mp4"));
        assertThat(video.frames()).isEqualTo(30);
        assertThat(video.width()).isEqualTo(W);
        assertThat(video.height()).isEqualTo(H);
        assertThat(video.codec()).isEqualTo("h264");
        assertThat(video.frameRate()).isEqualTo(25.0);
        assertThat(video.timestampsMicros().get(29)).isEqualTo(29 * 40_000L);
        assertThat(writer.metrics().framesWritten.getCount()).isEqualTo(30);
        assertThat(writer.metrics().segmentsClosed.getCount()).isEqualTo(1);
        assertThat(writer.metrics().bytesClosed.getCount())
                .isPositive()
                .isLessThan(Files.size(dir.resolve("cam-1-0.mp4")));

        for (int seq : new int[] {0, 15, 29}) {
            byte[] picture = video.pictures().get(seq);
            byte[] source = TestPictures.pixels(seq, W, H);
            // the person's box: lines 2 pixels wide, colour within the codec's error (4:2:0
            // chroma is shared by 2x2 pixels, so the edge is checked where the line covers both)
            assertClose(at(picture, W, 40, 120), bgrOf(ClassColors.of("person")), 40, seq);
            assertClose(at(picture, W, 100, 40), bgrOf(ClassColors.of("person")), 40, seq);
            assertClose(at(picture, W, 299, 100), bgrOf(ClassColors.of("car")), 40, seq);
            // far from every drawing: the source picture
            assertClose(at(picture, W, 100, 120), at(source, W, 100, 120), 12, seq);
            assertClose(at(picture, W, 250, 20), at(source, W, 250, 20), 12, seq);
            assertClose(at(picture, W, 190, 165), at(source, W, 190, 165), 12, seq);
            // under the road mask: the source blended with the road's colour
            assertClose(
                    at(picture, W, 100, 220), blended(at(source, W, 100, 220), "road"), 16, seq);
        }
    }

    @Test
    void realFramesOfTheSampleClipKeepTheirPictureAwayFromTheDrawings() throws Exception {
        Optional<Path> clip = SampleClip.find();
        assumeTrue(
                clip.isPresent(),
                "sample:vtest.avi is not in the FrameFlow cache yet; the jobs tests or"
                        + " ./frameflow fetch it");
        List<VideoFrame> frames = SampleClip.decode(clip.get(), "campus", 20);
        Detection walker = new Detection("person", 0, 0.8f, 400, 200, 460, 330, List.of(), 3);
        AnnotatedVideoWriter writer = writer(VideoSinkOptions.defaults(out.toString()));
        for (VideoFrame f : frames) {
            writer.write(
                    new AnnotatedFrame(f, TestPictures.result(f, List.of(walker), false)), null);
        }
        writer.close();

        Mp4Files.Decoded video = Mp4Files.decode(out.resolve("campus/campus-0.mp4"));
        assertThat(video.frames()).isEqualTo(20);
        assertThat(video.width()).isEqualTo(768);
        assertThat(video.height()).isEqualTo(576);
        assertThat(video.frameRate()).isEqualTo(10.0);
        for (int i : new int[] {0, 10, 19}) {
            byte[] picture = video.pictures().get(i);
            byte[] source = frames.get(i).bgr();
            // the box is 4 pixels wide at 576 rows: its left edge covers columns 400 to 403
            assertClose(at(picture, 768, 401, 260), bgrOf(ClassColors.of("person")), 48, i);
            // medium quality on a real scene: the picture elsewhere stays close to the source
            assertThat(meanAbsoluteDifference(picture, source, 768, 0, 300, 768, 576))
                    .as("frame %d below the box", i)
                    .isLessThan(6.0);
        }
    }

    /** Mean absolute difference per channel over columns [x0, x1) of rows [y0, y1). */
    private static double meanAbsoluteDifference(
            byte[] a, byte[] b, int w, int x0, int y0, int x1, int y1) {
        long sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int i = (y * w + x0) * 3; i < (y * w + x1) * 3; i++) {
                sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
            }
        }
        return sum / (3.0 * (x1 - x0) * (y1 - y0));
    }

    @Test
    void segmentsRollAtTheirDurationAndAreRenamedWhenComplete() throws Exception {
        AnnotatedVideoWriter writer = writer(options().withSegment(Duration.ofSeconds(1)));
        Path dir = out.resolve("lobby");
        for (int seq = 0; seq < 60; seq++) {
            writer.write(TestPictures.annotated("lobby", seq, W, H, 25), null);
        }
        assertThat(Mp4Files.list(dir))
                .containsExactly(".lobby-50.mp4.inprogress", "lobby-0.mp4", "lobby-25.mp4");
        writer.flush(true);
        writer.close();
        assertThat(Mp4Files.list(dir))
                .containsExactly("lobby-0.mp4", "lobby-25.mp4", "lobby-50.mp4");
        assertThat(Mp4Files.decode(dir.resolve("lobby-0.mp4")).frames()).isEqualTo(25);
        assertThat(Mp4Files.decode(dir.resolve("lobby-25.mp4")).frames()).isEqualTo(25);
        assertThat(Mp4Files.decode(dir.resolve("lobby-50.mp4")).frames()).isEqualTo(10);
        assertThat(writer.metrics().segmentsClosed.getCount()).isEqualTo(3);
    }

    @Test
    void gapsInTheFrameNumbersAreGapsInTime() throws Exception {
        AnnotatedVideoWriter writer = writer(options());
        for (int seq = 0; seq < 40; seq++) {
            if (seq < 10 || seq >= 20) {
                writer.write(TestPictures.annotated("gappy", seq, W, H, 10), null);
            }
        }
        writer.flush(true);
        Mp4Files.Decoded video = Mp4Files.decode(out.resolve("gappy/gappy-0.mp4"));
        assertThat(video.frames()).isEqualTo(30);
        assertThat(video.timestampsMicros().get(9)).isEqualTo(900_000L);
        assertThat(video.timestampsMicros().get(10)).isEqualTo(2_000_000L);
        assertThat(writer.recorder("gappy").fps()).isEqualTo(10.0);
    }

    @Test
    void aFixedRateBelowTheStreamsDropsTheFramesInBetweenAndCountsThem() throws Exception {
        AnnotatedVideoWriter writer = writer(options().withFps(5).withCodec(OutputCodec.MPEG4));
        for (int seq = 0; seq < 20; seq++) {
            writer.write(TestPictures.annotated("fast", seq, W, H, 10), null);
        }
        writer.flush(true);
        Mp4Files.Decoded video = Mp4Files.decode(out.resolve("fast/fast-0.mp4"));
        assertThat(video.codec()).isEqualTo("mpeg4");
        // 2 s at 5 fps: slots 0 to 10 (frame 1 at 0.5 slots rounds up, frame 2 then shares its
        // slot); every other frame is left out
        assertThat(video.frames()).isEqualTo(11);
        assertThat(writer.metrics().framesWritten.getCount()).isEqualTo(11);
        assertThat(writer.metrics().framesDropped.getCount()).isEqualTo(9);
        assertThat(video.timestampsMicros().get(10)).isEqualTo(2_000_000L);
    }

    @Test
    void timestampsThatDoNotAdvanceStillGiveEveryFrameItsOwnPicture() throws Exception {
        AnnotatedVideoWriter writer = writer(options().withFps(25));
        for (int seq = 0; seq < 12; seq++) {
            VideoFrame f = TestPictures.frame("frozen", seq, W, H, 25);
            VideoFrame stuck =
                    new VideoFrame(f.streamId(), seq, 0, 0, f.timeSource(), W, H, false, f.bgr());
            writer.write(
                    new AnnotatedFrame(stuck, TestPictures.result(stuck, List.of(), false)), null);
        }
        writer.flush(true);
        assertThat(Mp4Files.decode(out.resolve("frozen/frozen-0.mp4")).frames()).isEqualTo(12);
        assertThat(writer.metrics().framesDropped.getCount()).isZero();
    }

    @Test
    void aStreamWithOneFrameIsWrittenAtTheFallbackRate() throws Exception {
        AnnotatedVideoWriter writer = writer(options());
        writer.write(TestPictures.annotated("single", 5, W, H, 25), null);
        assertThat(Mp4Files.list(out.resolve("single"))).isEmpty();
        writer.close();
        Mp4Files.Decoded video = Mp4Files.decode(out.resolve("single/single-5.mp4"));
        assertThat(video.frames()).isEqualTo(1);
        assertThat(video.frameRate()).isEqualTo(VideoSinkOptions.FALLBACK_FPS);
    }

    @Test
    void aNewPictureSizeStartsANewFile() throws Exception {
        AnnotatedVideoWriter writer = writer(options());
        for (int seq = 0; seq < 10; seq++) {
            int w = seq < 5 ? W : 161;
            int h = seq < 5 ? H : 121;
            VideoFrame f = TestPictures.frame("resized", seq, w, h, 25);
            writer.write(new AnnotatedFrame(f, TestPictures.result(f, List.of(), false)), null);
        }
        writer.flush(true);
        assertThat(Mp4Files.list(out.resolve("resized")))
                .containsExactly("resized-0.mp4", "resized-5.mp4");
        Mp4Files.Decoded odd = Mp4Files.decode(out.resolve("resized/resized-5.mp4"));
        assertThat(odd.frames()).isEqualTo(5);
        // 4:2:0 needs even sizes: the odd last column and row are cut off
        assertThat(odd.width()).isEqualTo(160);
        assertThat(odd.height()).isEqualTo(120);
    }

    @Test
    void anIdleStreamsFileIsClosedAfterTheIdleTimeout() throws Exception {
        AnnotatedVideoWriter writer = writer(options().withIdleTimeout(Duration.ofSeconds(5)));
        time.setCurrentTime(1_000);
        for (int seq = 0; seq < 5; seq++) {
            writer.write(TestPictures.annotated("quiet", seq, W, H, 25), null);
        }
        time.setCurrentTime(4_000);
        assertThat(Mp4Files.list(out.resolve("quiet"))).containsExactly(".quiet-0.mp4.inprogress");
        time.setCurrentTime(7_000);
        assertThat(Mp4Files.list(out.resolve("quiet"))).containsExactly("quiet-0.mp4");
        writer.write(TestPictures.annotated("quiet", 5, W, H, 25), null);
        writer.close();
        assertThat(Mp4Files.list(out.resolve("quiet")))
                .containsExactly("quiet-0.mp4", "quiet-5.mp4");
    }

    @Test
    void onlyTheSelectedStreamsGetVideo() throws Exception {
        AnnotatedVideoWriter writer = writer(options().withStreams(List.of("wanted")));
        for (int seq = 0; seq < 3; seq++) {
            writer.write(TestPictures.annotated("wanted", seq, W, H, 25), null);
            writer.write(TestPictures.annotated("other", seq, W, H, 25), null);
        }
        writer.close();
        assertThat(Mp4Files.list(out)).containsExactly("wanted");
        assertThat(writer.metrics().framesSkipped.getCount()).isEqualTo(3);
    }

    @Test
    void aFileThatStartsWhereAnEarlierOneDidGetsANumberInsteadOfReplacingIt() throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            AnnotatedVideoWriter writer = writer(options());
            for (int seq = 0; seq < 3 + attempt; seq++) {
                writer.write(TestPictures.annotated("again", seq, W, H, 25), null);
            }
            writer.close();
        }
        Path dir = out.resolve("again");
        assertThat(Mp4Files.list(dir)).containsExactly("again-0.1.mp4", "again-0.mp4");
        assertThat(Mp4Files.decode(dir.resolve("again-0.mp4")).frames()).isEqualTo(3);
        assertThat(Mp4Files.decode(dir.resolve("again-0.1.mp4")).frames()).isEqualTo(4);
    }

    @Test
    void unfinishedFilesOfAnEarlierAttemptAreDeletedWhenTheStreamStartsAgain() throws Exception {
        Path dir = Files.createDirectories(out.resolve("cam"));
        Files.write(dir.resolve(".cam-40.mp4.inprogress"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("cam-0.mp4"), new byte[] {4});
        AnnotatedVideoWriter writer = writer(options());
        writer.write(TestPictures.annotated("cam", 41, W, H, 25), null);
        writer.write(TestPictures.annotated("cam", 42, W, H, 25), null);
        assertThat(Mp4Files.list(dir)).containsExactly(".cam-41.mp4.inprogress", "cam-0.mp4");
        writer.close();
        assertThat(Mp4Files.list(dir)).containsExactly("cam-0.mp4", "cam-41.mp4");
    }

    @Test
    void aFullDiskFailsWithTheStreamTheFrameAndTheFile() throws Exception {
        AnnotatedVideoWriter writer = writer(options().withSegment(Duration.ofSeconds(1)));
        writer.write(TestPictures.annotated("full", 0, W, H, 25), null);
        writer.write(TestPictures.annotated("full", 1, W, H, 25), null);
        // the next file lands on a device that is always full
        Path next = out.resolve("full/.full-25.mp4.inprogress");
        Files.createSymbolicLink(next, Path.of("/dev/full"));
        assertThatThrownBy(
                        () -> {
                            for (int seq = 2; seq < 60; seq++) {
                                writer.write(TestPictures.annotated("full", seq, W, H, 25), null);
                            }
                            writer.flush(true);
                        })
                .isInstanceOf(VideoSinkException.class)
                .hasMessageContaining("stream 'full'")
                .hasMessageContaining(next.toString())
                .hasMessageContaining("No space left on device");
        assertThat(Files.exists(next, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(writer.metrics().segmentsAbandoned.getCount()).isEqualTo(1);
        writer.close();
        assertThat(Mp4Files.decode(out.resolve("full/full-0.mp4")).frames()).isEqualTo(25);
    }

    @Test
    void aStreamIdThatIsNoDirectoryNameIsRefused() throws Exception {
        AnnotatedVideoWriter writer = writer(options());
        assertThatThrownBy(() -> writer.write(TestPictures.annotated("..", 0, W, H, 25), null))
                .isInstanceOf(VideoSinkException.class)
                .hasMessageContaining("stream id '..'");
    }

    @Test
    void aPathThatIsAFileIsRefusedNamingTheKey() throws Exception {
        Path file = Files.write(out.resolve("not-a-dir"), new byte[] {0});
        assertThatThrownBy(() -> writer(VideoSinkOptions.defaults(file.toString())))
                .isInstanceOf(VideoSinkException.class)
                .hasMessageContaining("'path'")
                .hasMessageContaining(file.toString());
    }

    @Test
    void ratesAreEstimatedFromTimestampsAndSnappedToCommonOnes() {
        assertThat(StreamRecorder.estimateFps(0, 0, 1, 40_000)).isEqualTo(25.0);
        assertThat(StreamRecorder.estimateFps(0, 0, 1, 33_367)).isEqualTo(30000 / 1001.0);
        assertThat(StreamRecorder.estimateFps(10, 1_000_000, 13, 1_300_000)).isEqualTo(10.0);
        assertThat(StreamRecorder.estimateFps(0, 0, 1, 1_000_000 / 7)).isEqualTo(7.0);
        assertThat(StreamRecorder.estimateFps(0, 0, 1, 0)).isEqualTo(25.0);
        assertThat(StreamRecorder.estimateFps(0, 0, 1, 10)).isEqualTo(25.0);
    }

    private static int[] blended(int[] source, String label) {
        int[] c = bgrOf(ClassColors.of(label));
        int a = (int) Math.round(DrawOptions.DEFAULT_MASK_OPACITY * 256);
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = (source[i] * (256 - a) + c[i] * a) >> 8;
        }
        return out;
    }

    private static void assertClose(int[] actual, int[] expected, int tolerance, int frame) {
        for (int i = 0; i < 3; i++) {
            if (Math.abs(actual[i] - expected[i]) > tolerance) {
                throw new AssertionError(
                        "frame "
                                + frame
                                + ": BGR "
                                + java.util.Arrays.toString(actual)
                                + " is not within "
                                + tolerance
                                + " of "
                                + java.util.Arrays.toString(expected));
            }
        }
    }
}
