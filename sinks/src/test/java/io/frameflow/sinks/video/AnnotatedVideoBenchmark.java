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
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;

/**
 * What drawing costs next to encoding: the same frames through the sink's writer with nothing drawn
 * (the baseline: copy, BGR to YUV, encode, mux) and with everything drawn (eight tracked people
 * with tags, a person mask on a 256x256 grid and its outlines), and the drawing alone, alternating
 * in one process; prints frames per second of each and the ratios, by wall-clock time and by the
 * CPU time of the thread that does the work (the encoders run on it, one thread each), which a busy
 * machine disturbs far less. Frames come from the sample clip {@code vtest.avi} (768x576) when it
 * is in the FrameFlow cache (or named as the first argument; {@code -} looks in the cache), else
 * (or with {@code synthetic}) synthetic 640x480 pictures. Not a test: run it by hand, e.g. from the
 * repository root after {@code mvn -pl sinks -am test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}:
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED \
 *     -cp sinks/target/test-classes:sinks/target/classes:common/target/classes:$(cat sinks/target/cp.txt) \
 *     io.frameflow.sinks.video.AnnotatedVideoBenchmark [VIDEO_FILE|-|synthetic] [FRAMES] [ROUNDS]
 * </pre>
 */
public final class AnnotatedVideoBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private AnnotatedVideoBenchmark() {}

    public static void main(String[] args) throws Exception {
        String source = args.length > 0 ? args[0] : "-";
        Optional<Path> clip =
                switch (source) {
                    case "-" -> SampleClip.find();
                    case "synthetic" -> Optional.empty();
                    default -> Optional.of(Path.of(source));
                };
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<AnnotatedFrame> frames =
                clip.isPresent() ? decode(clip.get(), count) : synthetic(640, 480, count);
        VideoFrame first = frames.get(0).frame();
        System.out.printf(
                Locale.ROOT,
                "%s, %d frames of %dx%d, %d rounds, %d cores%n",
                clip.map(Path::toString).orElse("synthetic pictures"),
                frames.size(),
                first.width(),
                first.height(),
                rounds,
                Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("video-bench");
        for (OutputCodec codec : OutputCodec.values()) {
            VideoSinkOptions options =
                    VideoSinkOptions.defaults(dir.toString()).withFps(10).withCodec(codec);
            // warm-up: JIT, native libraries
            sink(options.withDraw(DrawOptions.none()), frames);
            sink(options, frames);
            double[][] plain = new double[2][rounds];
            double[][] drawn = new double[2][rounds];
            double[][] drawOnly = new double[2][rounds];
            for (int r = 0; r < rounds; r++) {
                put(plain, r, sink(options.withDraw(DrawOptions.none()), frames));
                put(drawn, r, sink(options, frames));
                put(drawOnly, r, drawOnly(frames));
                System.out.printf(
                        Locale.ROOT,
                        "%s round %d: encode %.1f fps (cpu %.1f), draw+encode %.1f fps (cpu %.1f),"
                                + " draw alone %.1f fps (cpu %.1f)%n",
                        codec.key(),
                        r + 1,
                        plain[0][r],
                        plain[1][r],
                        drawn[0][r],
                        drawn[1][r],
                        drawOnly[0][r],
                        drawOnly[1][r]);
            }
            for (int clock = 0; clock < 2; clock++) {
                double p = median(plain[clock]);
                double d = median(drawn[clock]);
                System.out.printf(
                        Locale.ROOT,
                        "%s median by %s time: encode %.1f fps, draw+encode %.1f fps (%.2fx the"
                                + " baseline), draw alone %.1f fps (%.2f ms a frame)%n",
                        codec.key(),
                        clock == 0 ? "wall" : "cpu",
                        p,
                        d,
                        d / p,
                        median(drawOnly[clock]),
                        1000 / median(drawOnly[clock]));
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void put(double[][] into, int round, double[] wallAndCpu) {
        into[0][round] = wallAndCpu[0];
        into[1][round] = wallAndCpu[1];
    }

    /** Frames per second by wall-clock and by this thread's CPU time. */
    private static double[] rates(int frames, long startNanos, long startCpuNanos) {
        return new double[] {
            frames / ((System.nanoTime() - startNanos) / 1e9),
            frames / ((CPU.getCurrentThreadCpuTime() - startCpuNanos) / 1e9)
        };
    }

    /** Frames per second of the whole writer: draw (or copy), convert, encode, mux, close. */
    private static double[] sink(VideoSinkOptions options, List<AnnotatedFrame> frames)
            throws Exception {
        long start = System.nanoTime();
        long cpu = CPU.getCurrentThreadCpuTime();
        AnnotatedVideoWriter writer =
                new AnnotatedVideoWriter(
                        options, new TestProcessingTimeService(), VideoSinkMetrics.unregistered());
        for (AnnotatedFrame f : frames) {
            writer.write(f, null);
        }
        writer.flush(true);
        writer.close();
        return rates(frames.size(), start, cpu);
    }

    private static double[] drawOnly(List<AnnotatedFrame> frames) {
        FrameAnnotator annotator = new FrameAnnotator(DrawOptions.all());
        VideoFrame first = frames.get(0).frame();
        byte[] target = new byte[first.width() * first.height() * 3];
        long start = System.nanoTime();
        long cpu = CPU.getCurrentThreadCpuTime();
        for (AnnotatedFrame f : frames) {
            annotator.annotate(f.frame(), f.result(), target);
        }
        return rates(frames.size(), start, cpu);
    }

    private static List<AnnotatedFrame> decode(Path clip, int count) throws IOException {
        List<AnnotatedFrame> frames = new ArrayList<>();
        for (VideoFrame f : SampleClip.decode(clip, "bench", count)) {
            frames.add(annotated(f.seq(), f.ptsMicros(), f.width(), f.height(), f.bgr()));
        }
        return frames;
    }

    private static List<AnnotatedFrame> synthetic(int w, int h, int count) {
        List<AnnotatedFrame> frames = new ArrayList<>();
        for (int seq = 0; seq < count; seq++) {
            frames.add(annotated(seq, seq * 100_000L, w, h, TestPictures.pixels(seq, w, h)));
        }
        return frames;
    }

    /** A frame with eight tracked people walking right, their mask and outlines. */
    private static AnnotatedFrame annotated(long seq, long pts, int w, int h, byte[] bgr) {
        VideoFrame frame =
                new VideoFrame("bench", seq, pts, pts / 1000, TimeSource.MEDIA, w, h, false, bgr);
        List<Detection> people = new ArrayList<>();
        List<Outline> outlines = new ArrayList<>();
        int grid = 256;
        boolean[] cells = new boolean[grid * grid];
        for (int i = 0; i < 8; i++) {
            float x1 = (i * w / 8f + seq * 2) % (w - w / 10f);
            float y1 = h / 4f + (i % 3) * h / 10f;
            float x2 = x1 + w / 14f;
            float y2 = y1 + h / 4f;
            people.add(
                    new Detection("person", 0, 0.5f + i / 20f, x1, y1, x2, y2, List.of(), i + 1));
            outlines.add(new Outline(new float[] {x1, y1, x2, y1, x2, y2, x1, y2}));
            for (int cy = (int) (y1 * grid / h); cy < (int) (y2 * grid / h); cy++) {
                Arrays.fill(
                        cells,
                        cy * grid + (int) (x1 * grid / w),
                        cy * grid + (int) (x2 * grid / w),
                        true);
            }
        }
        SegmentedArea mask = new SegmentedArea("person", 0, 0.1, runs(cells, grid), outlines);
        FrameResult result =
                new FrameResult(
                        "bench",
                        seq,
                        pts,
                        pts / 1000,
                        TimeSource.MEDIA,
                        w,
                        h,
                        false,
                        "seg@1>det@1",
                        people,
                        null,
                        new SegmentationResult("seg@1", List.of(mask)));
        return new AnnotatedFrame(frame, result);
    }

    private static RunLengthMask runs(boolean[] cells, int grid) {
        List<Integer> counts = new ArrayList<>();
        boolean value = false;
        int run = 0;
        for (boolean c : cells) {
            if (c != value) {
                counts.add(run);
                run = 0;
                value = c;
            }
            run++;
        }
        counts.add(run);
        return new RunLengthMask(grid, grid, counts.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
