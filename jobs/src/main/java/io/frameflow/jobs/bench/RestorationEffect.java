package io.frameflow.jobs.bench;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.inference.api.RestoredImage;
import io.frameflow.inference.restore.ImageQuality;
import io.frameflow.ingest.ffmpeg.DecodeEvent;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.FFmpegDecoder;
import io.frameflow.ingest.uri.StreamUri;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Judges a restoration model by what it does to detection. Frames of a video are analysed in four
 * ways — clean, clean then restored, with added Gaussian noise, noisy then restored — and each
 * way's detections are matched against those on the clean frames (same label, IoU at least {@link
 * Options#iou()}). A denoiser earns its place when "noisy, restored" agrees with the clean
 * detections better than "noisy" does, and "clean, restored" does not make clean frames worse.
 */
public final class RestorationEffect {

    /**
     * @param video the video to take frames from
     * @param frames how many frames to analyse
     * @param step take every {@code step}-th decoded frame
     * @param sigma noise standard deviation on a 0..1 scale (0.08 is about 20 grey levels)
     * @param seed seed of the noise, so runs are repeatable
     * @param iou overlap at which a detection matches a clean-frame detection of the same label
     */
    public record Options(String video, int frames, int step, double sigma, long seed, double iou) {
        public Options {
            if (frames < 1 || step < 1) {
                throw new IllegalArgumentException("frames and step must be at least 1");
            }
            if (!(sigma > 0 && sigma < 1)) {
                throw new IllegalArgumentException("sigma: " + sigma + " is not in (0, 1)");
            }
            if (!(iou > 0 && iou <= 1)) {
                throw new IllegalArgumentException("iou: " + iou + " is not in (0, 1]");
            }
        }
    }

    /**
     * One way of analysing the frames.
     *
     * @param condition e.g. {@code noisy, restored}
     * @param detectionsPerFrame mean detections per frame
     * @param precision share of its detections that match a clean-frame detection
     * @param recall share of clean-frame detections it found
     * @param psnr mean PSNR in dB of the picture the detector saw against the clean frame ({@code
     *     +Infinity} for the clean frames themselves)
     * @param restoreMillisPerFrame mean restoration time per frame, 0 where nothing was restored
     */
    public record Row(
            String condition,
            double detectionsPerFrame,
            double precision,
            double recall,
            double psnr,
            double restoreMillisPerFrame) {

        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private RestorationEffect() {}

    /** Runs the four ways over the same frames and returns one row for each, clean first. */
    public static List<Row> run(
            PredictorFactory<BgrImage, List<DetectedObject>> detectorFactory,
            PredictorFactory<BgrImage, RestoredImage> restorerFactory,
            Options options,
            Consumer<String> progress)
            throws Exception {
        List<BgrImage> clean = frames(options);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException(options.video() + ": no frames decoded");
        }
        List<BgrImage> noisy = new ArrayList<>(clean.size());
        Random random = new Random(options.seed());
        for (BgrImage frame : clean) {
            noisy.add(withNoise(frame, options.sigma(), random));
        }
        try (Predictor<BgrImage, List<DetectedObject>> detector = detectorFactory.create();
                Predictor<BgrImage, RestoredImage> restorer = restorerFactory.create()) {
            Tally[] tallies = {
                new Tally("clean"),
                new Tally("clean, restored"),
                new Tally("noisy"),
                new Tally("noisy, restored")
            };
            for (int i = 0; i < clean.size(); i++) {
                BgrImage frame = clean.get(i);
                List<DetectedObject> reference = detector.predict(frame);
                tallies[0].add(reference, reference, Double.POSITIVE_INFINITY, options.iou(), 0);
                analyse(tallies[1], frame, frame, reference, detector, restorer, options);
                tallies[2].add(
                        detector.predict(noisy.get(i)),
                        reference,
                        ImageQuality.psnr(noisy.get(i), frame),
                        options.iou(),
                        0);
                analyse(tallies[3], noisy.get(i), frame, reference, detector, restorer, options);
                progress.accept("frame " + (i + 1) + " of " + clean.size() + " analysed");
            }
            List<Row> rows = new ArrayList<>();
            for (Tally tally : tallies) {
                rows.add(tally.row());
            }
            return rows;
        }
    }

    private static void analyse(
            Tally tally,
            BgrImage input,
            BgrImage clean,
            List<DetectedObject> reference,
            Predictor<BgrImage, List<DetectedObject>> detector,
            Predictor<BgrImage, RestoredImage> restorer,
            Options options) {
        long start = System.nanoTime();
        BgrImage restored = restorer.predict(input).image();
        double millis = (System.nanoTime() - start) / 1e6;
        if (restored.width() != clean.width() || restored.height() != clean.height()) {
            throw new IllegalArgumentException(
                    "model "
                            + restorer.modelId()
                            + " changes the picture size ("
                            + clean.width()
                            + "x"
                            + clean.height()
                            + " to "
                            + restored.width()
                            + "x"
                            + restored.height()
                            + "); this comparison takes denoisers, not upscalers");
        }
        tally.add(
                detector.predict(restored),
                reference,
                ImageQuality.psnr(restored, clean),
                options.iou(),
                millis);
    }

    private static List<BgrImage> frames(Options options) throws Exception {
        List<BgrImage> frames = new ArrayList<>();
        try (FFmpegDecoder decoder =
                new FFmpegDecoder(StreamUri.parse(options.video()), DecoderOptions.defaults())) {
            decoder.open();
            long index = 0;
            while (frames.size() < options.frames()) {
                DecodeEvent event = decoder.next();
                if (event == DecodeEvent.Signal.END_OF_STREAM) {
                    break;
                }
                if (event instanceof DecodeEvent.DecodedFrame f && index++ % options.step() == 0) {
                    frames.add(new BgrImage(f.width(), f.height(), f.bgr().clone()));
                }
            }
        }
        return frames;
    }

    /** Adds zero-mean Gaussian noise of {@code sigma} (0..1 scale) to every sample, clipped. */
    static BgrImage withNoise(BgrImage image, double sigma, Random random) {
        byte[] in = image.bgr();
        byte[] out = new byte[in.length];
        double scale = sigma * 255;
        for (int i = 0; i < in.length; i++) {
            long v = Math.round((in[i] & 0xff) + random.nextGaussian() * scale);
            out[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return new BgrImage(image.width(), image.height(), out);
    }

    /** Matches and sums for one way of analysing the frames. */
    private static final class Tally {
        private final String condition;
        private long frames;
        private long detections;
        private long matched;
        private long referenceTotal;
        private double psnrSum;
        private double restoreMillis;

        Tally(String condition) {
            this.condition = condition;
        }

        void add(
                List<DetectedObject> found,
                List<DetectedObject> reference,
                double psnr,
                double iou,
                double millis) {
            frames++;
            detections += found.size();
            referenceTotal += reference.size();
            matched += matches(found, reference, iou);
            psnrSum += psnr;
            restoreMillis += millis;
        }

        Row row() {
            return new Row(
                    condition,
                    (double) detections / frames,
                    detections == 0 ? 0 : (double) matched / detections,
                    referenceTotal == 0 ? 0 : (double) matched / referenceTotal,
                    psnrSum / frames,
                    restoreMillis / frames);
        }
    }

    /**
     * Greedy one-to-one matching, best score first: each found box takes the unmatched reference
     * box of its label with the highest IoU, if that is at least {@code iou}.
     */
    static int matches(List<DetectedObject> found, List<DetectedObject> reference, double iou) {
        List<DetectedObject> byScore = new ArrayList<>(found);
        byScore.sort((p, q) -> Float.compare(q.score(), p.score()));
        boolean[] taken = new boolean[reference.size()];
        int matched = 0;
        for (DetectedObject f : byScore) {
            int best = -1;
            double bestIou = iou;
            for (int r = 0; r < reference.size(); r++) {
                DetectedObject ref = reference.get(r);
                if (!taken[r] && ref.classId() == f.classId()) {
                    double overlap = f.iou(ref);
                    if (overlap >= bestIou) {
                        bestIou = overlap;
                        best = r;
                    }
                }
            }
            if (best >= 0) {
                taken[best] = true;
                matched++;
            }
        }
        return matched;
    }
}
