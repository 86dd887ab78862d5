package io.frameflow.jobs.bench;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.detect.DetectorFactory;
import io.frameflow.ingest.ffmpeg.DecodeEvent;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.FFmpegDecoder;
import io.frameflow.ingest.uri.StreamUri;
import java.util.List;

/**
 * The baseline: one thread that decodes a frame, runs the detector on it (pre-processing, ONNX
 * Runtime, box decoding and NMS) and goes on to the next — what a user would write without Flink.
 */
final class BareLoop {
    /** Frames processed, steady rate (first to last result) and wall time including start-up. */
    record Timing(long frames, double steadyFps, double wallSeconds, long detections) {}

    /** What the loop tells its caller after each frame. */
    interface FrameDone {
        /**
         * @param frame the decoded frame
         * @param decodedMillis epoch milliseconds when it came out of the decoder
         * @param found what the detector found in it
         */
        void done(DecodeEvent.DecodedFrame frame, long decodedMillis, List<DetectedObject> found);
    }

    private BareLoop() {}

    static Timing run(String video, DetectorFactory detector, long maxFrames) throws Exception {
        long start = System.nanoTime();
        Tally tally = new Tally();
        long frames = decodeAndDetect(video, detector, maxFrames, tally);
        double steady = frames > 1 ? (frames - 1) / ((tally.last - tally.first) / 1e9) : 0;
        return new Timing(frames, steady, (System.nanoTime() - start) / 1e9, tally.detections);
    }

    /** Times the first and last result and counts detections. */
    private static final class Tally implements FrameDone {
        long first;
        long last;
        long detections;

        @Override
        public void done(
                DecodeEvent.DecodedFrame frame, long decodedMillis, List<DetectedObject> found) {
            detections += found.size();
            last = System.nanoTime();
            if (first == 0) {
                first = last;
            }
        }
    }

    /**
     * Decodes {@code uri} and runs the detector on each frame, one after the other on this thread,
     * until {@code maxFrames} frames or the end of the stream; returns the frames processed.
     */
    static long decodeAndDetect(
            String uri, DetectorFactory detector, long maxFrames, FrameDone done) throws Exception {
        long frames = 0;
        try (Predictor<BgrImage, List<DetectedObject>> predictor = detector.create();
                FFmpegDecoder decoder =
                        new FFmpegDecoder(StreamUri.parse(uri), DecoderOptions.defaults())) {
            decoder.open();
            while (frames < maxFrames) {
                DecodeEvent event = decoder.next();
                if (event == DecodeEvent.Signal.END_OF_STREAM) {
                    break;
                }
                if (event instanceof DecodeEvent.DecodedFrame f) {
                    long decoded = System.currentTimeMillis();
                    List<DetectedObject> found =
                            predictor.predict(new BgrImage(f.width(), f.height(), f.bgr()));
                    done.done(f, decoded, found);
                    frames++;
                }
            }
        }
        return frames;
    }
}
