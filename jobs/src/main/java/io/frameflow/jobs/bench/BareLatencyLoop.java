package io.frameflow.jobs.bench;

import io.frameflow.common.TimeSource;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.detect.OnnxDetectorFactory;
import io.frameflow.ingest.ffmpeg.DecodeEvent;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.FFmpegDecoder;
import io.frameflow.ingest.uri.StreamUri;
import java.util.ArrayList;
import java.util.List;

/**
 * The latency baseline: one thread that decodes a frame of the live stream, runs the detector on it
 * and notes how long after the frame's capture the detections were there. Capture time is the
 * sender-report wall clock where the stream has one, else the moment the frame was decoded, as in
 * the pipeline.
 */
final class BareLatencyLoop {

    private BareLatencyLoop() {}

    /** The latency of each frame, in frame order. */
    static List<LatencyBenchmark.Sample> run(String uri, OnnxDetectorFactory detector, long frames)
            throws Exception {
        List<LatencyBenchmark.Sample> latencies = new ArrayList<>();
        try (Predictor<BgrImage, List<DetectedObject>> predictor = detector.create();
                FFmpegDecoder decoder =
                        new FFmpegDecoder(StreamUri.parse(uri), DecoderOptions.defaults())) {
            decoder.open();
            long done = 0;
            while (done < frames) {
                DecodeEvent event = decoder.next();
                if (event == DecodeEvent.Signal.END_OF_STREAM) {
                    break;
                }
                if (event instanceof DecodeEvent.DecodedFrame f) {
                    long decoded = System.currentTimeMillis();
                    predictor.predict(new BgrImage(f.width(), f.height(), f.bgr()));
                    boolean sender = f.hasWallClock();
                    long capture = sender ? Math.floorDiv(f.wallClockMicros(), 1000L) : decoded;
                    latencies.add(
                            new LatencyBenchmark.Sample(
                                    sender ? TimeSource.SENDER_REPORT : TimeSource.ARRIVAL,
                                    System.currentTimeMillis() - capture));
                    done++;
                }
            }
        }
        return latencies;
    }
}
