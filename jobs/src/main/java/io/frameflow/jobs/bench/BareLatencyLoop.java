package io.frameflow.jobs.bench;

import io.frameflow.common.TimeSource;
import io.frameflow.inference.detect.DetectorFactory;
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
    static List<LatencyBenchmark.Sample> run(String uri, DetectorFactory detector, long frames)
            throws Exception {
        List<LatencyBenchmark.Sample> latencies = new ArrayList<>();
        BareLoop.decodeAndDetect(
                uri,
                detector,
                frames,
                (f, decoded, found) -> {
                    boolean sender = f.hasWallClock();
                    long capture = sender ? Math.floorDiv(f.wallClockMicros(), 1000L) : decoded;
                    latencies.add(
                            new LatencyBenchmark.Sample(
                                    sender ? TimeSource.SENDER_REPORT : TimeSource.ARRIVAL,
                                    System.currentTimeMillis() - capture));
                });
        return latencies;
    }
}
