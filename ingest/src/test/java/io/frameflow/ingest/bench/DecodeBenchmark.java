package io.frameflow.ingest.bench;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import io.frameflow.ingest.ffmpeg.DecodeEvent;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.FFmpegDecoder;
import io.frameflow.ingest.uri.StreamUri;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decodes one video file with {@link FFmpegDecoder} and with JavaCV's {@code FFmpegFrameGrabber}
 * (BGR24) in the same process, alternating, and prints frames per second of each and their ratio.
 * Both hand out every frame as its own {@code byte[]}, as the source does; the grabber is also
 * measured without that copy. Not a test: run it by hand, e.g. from the repository root after
 * {@code mvn -pl ingest -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test}:
 *
 * <pre>
 * java -cp ingest/target/test-classes:ingest/target/classes:common/target/classes:$(cat ingest/target/cp.txt) \
 *     io.frameflow.ingest.bench.DecodeBenchmark VIDEO_FILE [ROUNDS]
 * </pre>
 */
public final class DecodeBenchmark {

    private DecodeBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: DecodeBenchmark VIDEO_FILE [ROUNDS]");
        }
        String file = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf(
                Locale.ROOT,
                "file %s, %d rounds, %d cores, decoder threads auto%n",
                file,
                rounds,
                Runtime.getRuntime().availableProcessors());
        // warm-up: JIT, native library loading, file cache
        frameflow(file);
        javacv(file, true);
        double[] ours = new double[rounds];
        double[] grabber = new double[rounds];
        double[] grabberNoCopy = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ours[r] = frameflow(file);
            grabber[r] = javacv(file, true);
            grabberNoCopy[r] = javacv(file, false);
            System.out.printf(
                    Locale.ROOT,
                    "round %d: FFmpegDecoder %.1f fps, FFmpegFrameGrabber+copy %.1f fps,"
                            + " FFmpegFrameGrabber %.1f fps%n",
                    r + 1,
                    ours[r],
                    grabber[r],
                    grabberNoCopy[r]);
        }
        double m = median(ours);
        double g = median(grabber);
        double n = median(grabberNoCopy);
        System.out.printf(Locale.ROOT, "median FFmpegDecoder:              %.1f fps%n", m);
        System.out.printf(Locale.ROOT, "median FFmpegFrameGrabber + copy:  %.1f fps%n", g);
        System.out.printf(Locale.ROOT, "median FFmpegFrameGrabber no copy: %.1f fps%n", n);
        System.out.printf(Locale.ROOT, "ratio FFmpegDecoder / grabber+copy: %.3f%n", m / g);
        System.out.printf(Locale.ROOT, "ratio FFmpegDecoder / grabber:      %.3f%n", m / n);
    }

    /** Frames per second of a full decode with {@link FFmpegDecoder}. */
    private static double frameflow(String file) throws Exception {
        long start = System.nanoTime();
        long frames = 0;
        long checksum = 0;
        try (FFmpegDecoder d =
                new FFmpegDecoder(StreamUri.parse(file), DecoderOptions.defaults())) {
            d.open();
            DecodeEvent e;
            while ((e = d.next()) != DecodeEvent.Signal.END_OF_STREAM) {
                if (e instanceof DecodeEvent.DecodedFrame f) {
                    frames++;
                    checksum += f.bgr()[f.bgr().length / 2];
                }
            }
        }
        return rate(frames, start, checksum);
    }

    /** Frames per second of a full decode with JavaCV's grabber, BGR24, with or without a copy. */
    private static double javacv(String file, boolean copy) throws Exception {
        long start = System.nanoTime();
        long frames = 0;
        long checksum = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file)) {
            g.setPixelFormat(AV_PIX_FMT_BGR24);
            g.start();
            Frame f;
            while ((f = g.grabImage()) != null) {
                frames++;
                ByteBuffer buf = (ByteBuffer) f.image[0];
                if (copy) {
                    byte[] bgr = copyPacked(buf, f.imageWidth, f.imageHeight, f.imageStride);
                    checksum += bgr[bgr.length / 2];
                } else {
                    checksum += buf.get(buf.limit() / 2);
                }
            }
            g.stop();
        }
        return rate(frames, start, checksum);
    }

    private static byte[] copyPacked(ByteBuffer buf, int width, int height, int stride) {
        int row = width * 3;
        byte[] out = new byte[row * height];
        ByteBuffer src = buf.duplicate();
        if (stride == row) {
            src.position(0);
            src.get(out);
            return out;
        }
        for (int y = 0; y < height; y++) {
            src.position(y * stride);
            src.get(out, y * row, row);
        }
        return out;
    }

    private static double rate(long frames, long startNanos, long checksum) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (frames == 0 || checksum == Long.MIN_VALUE) {
            throw new IllegalStateException("no frames decoded");
        }
        return frames / seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
