package io.frameflow.jobs.bench;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.detect.OnnxDetectorFactory;
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

    private BareLoop() {}

    static Timing run(String video, OnnxDetectorFactory detector, long maxFrames) throws Exception {
        long start = System.nanoTime();
        long first = 0;
        long last = 0;
        long frames = 0;
        long detections = 0;
        try (Predictor<BgrImage, List<DetectedObject>> predictor = detector.create();
                FFmpegDecoder decoder =
                        new FFmpegDecoder(StreamUri.parse(video), DecoderOptions.defaults())) {
            decoder.open();
            while (frames < maxFrames) {
                DecodeEvent event = decoder.next();
                if (event == DecodeEvent.Signal.END_OF_STREAM) {
                    break;
                }
                if (event instanceof DecodeEvent.DecodedFrame f) {
                    detections +=
                            predictor.predict(new BgrImage(f.width(), f.height(), f.bgr())).size();
                    last = System.nanoTime();
                    if (first == 0) {
                        first = last;
                    }
                    frames++;
                }
            }
        }
        double steady = frames > 1 ? (frames - 1) / ((last - first) / 1e9) : 0;
        return new Timing(frames, steady, (System.nanoTime() - start) / 1e9, detections);
    }
}
