package io.frameflow.ingest.bench;

import io.frameflow.ingest.ffmpeg.DecodeEvent;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.FFmpegDecoder;
import io.frameflow.ingest.ffmpeg.H264Transcoder;
import io.frameflow.ingest.uri.StreamUri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decode speed of FrameFlow's path against the FFmpeg command line on the same 1080p H.264 clip,
 * both with one decoder thread: {@code ffmpeg -threads 1 -i CLIP -f null -} (run as a child
 * process; its wall time includes process start-up, so its own {@code -benchmark} time is shown
 * too; and once more with {@code -pix_fmt bgr24}, the pipeline's conversion), {@link FFmpegDecoder}
 * without pixel conversion (decode only: what the CLI does) and with BGR24 conversion (what the
 * pipeline needs). Rounds alternate; medians and ratios at the end. Not a test: {@code
 * ingest/bench/decode-vs-ffmpeg.sh} builds and runs it.
 *
 * <p>Arguments: {@code SOURCE_VIDEO CLIP [ROUNDS [FRAMES [FFMPEG]]]}; the clip is made from the
 * source with {@link H264Transcoder} (1920x1080, a keyframe every 50 frames) unless it exists.
 */
public final class DecodeVsFfmpegBenchmark {
    private DecodeVsFfmpegBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException(
                    "usage: DecodeVsFfmpegBenchmark SOURCE_VIDEO CLIP [ROUNDS [FRAMES [FFMPEG]]]");
        }
        Path source = Path.of(args[0]);
        Path clip = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int frames = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        String ffmpeg = args.length > 4 ? args[4] : "ffmpeg";
        if (!Files.exists(clip)) {
            System.out.printf(Locale.ROOT, "making %s from %s…%n", clip, source);
            H264Transcoder.transcode(
                    source, clip, H264Transcoder.Options.of(1920, 1080, frames).withGop(50));
        }
        System.out.printf(
                Locale.ROOT,
                "clip %s (%d bytes), %d rounds, %d cores, one decoder thread each%n",
                clip,
                Files.size(clip),
                rounds,
                Runtime.getRuntime().availableProcessors());
        // warm-up: JIT, native libraries, page cache
        frameflow(clip, false);
        cli(ffmpeg, clip, false);
        double[] cliWall = new double[rounds];
        double[] cliOwn = new double[rounds];
        double[] cliBgr = new double[rounds];
        double[] decode = new double[rounds];
        double[] bgr = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] c = cli(ffmpeg, clip, false);
            cliWall[r] = c[0];
            cliOwn[r] = c[1];
            cliBgr[r] = cli(ffmpeg, clip, true)[1];
            decode[r] = frameflow(clip, false);
            bgr[r] = frameflow(clip, true);
            System.out.printf(
                    Locale.ROOT,
                    "round %d: ffmpeg CLI %.1f fps (own timer %.1f; with BGR24 %.1f), FrameFlow"
                            + " decode %.1f fps, decode+BGR %.1f fps%n",
                    r + 1,
                    cliWall[r],
                    cliOwn[r],
                    cliBgr[r],
                    decode[r],
                    bgr[r]);
        }
        double w = median(cliWall);
        double o = median(cliOwn);
        double ob = median(cliBgr);
        double d = median(decode);
        double b = median(bgr);
        System.out.printf(Locale.ROOT, "median ffmpeg CLI (process wall time): %.1f fps%n", w);
        System.out.printf(Locale.ROOT, "median ffmpeg CLI (-benchmark rtime):  %.1f fps%n", o);
        System.out.printf(Locale.ROOT, "median ffmpeg CLI + BGR24 (rtime):     %.1f fps%n", ob);
        System.out.printf(Locale.ROOT, "median FrameFlow decode only:          %.1f fps%n", d);
        System.out.printf(Locale.ROOT, "median FrameFlow decode + BGR24:       %.1f fps%n", b);
        System.out.printf(
                Locale.ROOT, "ratio decode only / CLI: %.3f (wall), %.3f (rtime)%n", d / w, d / o);
        System.out.printf(
                Locale.ROOT, "ratio decode+BGR / CLI:  %.3f (wall), %.3f (rtime)%n", b / w, b / o);
        System.out.printf(Locale.ROOT, "ratio decode+BGR / CLI+BGR24 (rtime): %.3f%n", b / ob);
    }

    /** Frames per second of one full decode with {@link FFmpegDecoder} and one thread. */
    private static double frameflow(Path clip, boolean withPixels) throws Exception {
        long start = System.nanoTime();
        long frames = 0;
        long checksum = 0;
        DecoderOptions options = DecoderOptions.defaults().withDecoderThreads(1);
        try (FFmpegDecoder d = new FFmpegDecoder(StreamUri.parse(clip.toString()), options)) {
            d.open();
            while (true) {
                DecodeEvent e = withPixels ? d.next() : d.skip();
                if (e == DecodeEvent.Signal.END_OF_STREAM) {
                    break;
                }
                if (e instanceof DecodeEvent.DecodedFrame f) {
                    frames++;
                    checksum += f.bgr() == null ? f.ptsMicros() : f.bgr()[f.bgr().length / 2];
                } else {
                    throw new IllegalStateException("unexpected " + e + " in " + clip);
                }
            }
        }
        if (frames == 0 || checksum == Long.MIN_VALUE) {
            throw new IllegalStateException("no frames decoded from " + clip);
        }
        return frames / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Frames per second of {@code ffmpeg -threads 1 -i CLIP -f null -}: by the process's wall time
     * and by ffmpeg's own {@code -benchmark} real time.
     */
    private static double[] cli(String ffmpeg, Path clip, boolean bgr)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                ffmpeg,
                                "-hide_banner",
                                "-nostats",
                                "-benchmark",
                                "-threads",
                                "1",
                                "-i",
                                clip.toString()));
        if (bgr) {
            // the same conversion as the pipeline's, also on one thread
            command.addAll(List.of("-filter_threads", "1", "-pix_fmt", "bgr24"));
        }
        command.addAll(List.of("-f", "null", "-"));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed with exit " + exit + ":\n" + output);
        }
        double frames = lastNumberAfter(output, "frame=");
        double rtime = lastNumberAfter(output, "rtime=");
        return new double[] {frames / wall, frames / rtime};
    }

    /** The number after the last {@code label} in ffmpeg's output, e.g. 300 in "frame= 300". */
    private static double lastNumberAfter(String text, String label) {
        int at = text.lastIndexOf(label);
        if (at < 0) {
            throw new IllegalStateException("no '" + label + "' in ffmpeg's output:\n" + text);
        }
        String rest = text.substring(at + label.length()).stripLeading();
        int stop = 0;
        while (stop < rest.length()
                && (Character.isDigit(rest.charAt(stop)) || rest.charAt(stop) == '.')) {
            stop++;
        }
        return Double.parseDouble(rest.substring(0, stop));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
