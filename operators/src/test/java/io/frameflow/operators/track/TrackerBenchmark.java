package io.frameflow.operators.track;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Point;
import io.frameflow.operators.analytics.Zone;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Prints the tracker's cost per frame on this machine, for scenes of 10 and 50 objects: {@link
 * StreamTracker#process} without and with zones and lines, against the baseline of the IoU matrix
 * alone (every track's box against every detection's, what any IoU tracker computes at least), and
 * the state's size and snapshot time. Times are the thread's CPU time (so that other processes on a
 * busy machine do not count), medians over rounds after warm-up. A program, not a test.
 *
 * <p>Arguments: {@code [--frames N]} per round (default 1000), {@code [--rounds N]} (default 15).
 * Run it with a heap that is touched up front ({@code -Xms2g -Xmn1g -XX:+AlwaysPreTouch}): while
 * the JVM grows its young generation, the page faults of first touches count as the thread's CPU
 * time and make the small scene look several times slower than it is.
 */
public final class TrackerBenchmark {
    private static final int WARM_UP = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TrackerBenchmark() {}

    public static void main(String[] args) {
        int frames = 1000;
        int rounds = 15;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf(
                "%d frames per round, %d rounds after %d warm-up, %d processors%n",
                frames, rounds, WARM_UP, Runtime.getRuntime().availableProcessors());
        if (!ManagementFactory.getRuntimeMXBean()
                .getInputArguments()
                .contains("-XX:+AlwaysPreTouch")) {
            System.out.println(
                    "note: without -Xms2g -Xmn1g -XX:+AlwaysPreTouch, heap growth inflates the"
                            + " figures");
        }
        System.out.println(
                "objects  dets/frame  iou-matrix µs  tracker µs  ratio  +zones/lines µs  ratio"
                        + "  state bytes  snapshot µs");
        for (int objects : new int[] {10, 50}) {
            report(objects, frames, rounds);
        }
    }

    private static void report(int objects, int frames, int rounds) {
        List<FrameResult> scene = Scenes.busyScene("cam", objects, frames, objects, true);
        List<Zone> zones =
                List.of(
                        Zone.of(
                                "a",
                                List.of(
                                        new Point(100, 100),
                                        new Point(600, 120),
                                        new Point(640, 600),
                                        new Point(80, 500))),
                        Zone.of(
                                "b",
                                List.of(
                                        new Point(700, 50),
                                        new Point(1200, 50),
                                        new Point(1200, 700),
                                        new Point(700, 700))));
        List<CountingLine> lines =
                List.of(
                        CountingLine.of("v", new Point(640, 0), new Point(640, 720)),
                        CountingLine.of("h", new Point(0, 360), new Point(1280, 360)));
        double[] iou = new double[rounds];
        double[] plain = new double[rounds];
        double[] areas = new double[rounds];
        long sink = 0;
        StreamTracker last = null;
        for (int r = -WARM_UP; r < rounds; r++) {
            long t0 = cpuNanos();
            sink += iouMatrices(scene);
            long t1 = cpuNanos();
            sink +=
                    run(
                            new StreamTracker(
                                    "cam", TrackerOptions.defaults(), List.of(), List.of()),
                            scene);
            long t2 = cpuNanos();
            last = new StreamTracker("cam", TrackerOptions.defaults(), zones, lines);
            sink += run(last, scene);
            long t3 = cpuNanos();
            if (r >= 0) {
                iou[r] = (t1 - t0) / 1e3 / frames;
                plain[r] = (t2 - t1) / 1e3 / frames;
                areas[r] = (t3 - t2) / 1e3 / frames;
            }
        }
        // the state of the last round's tracker, as it stands after the last frame
        int bytes = last.snapshot().length;
        int snapshots = 20_000;
        for (int i = 0; i < snapshots; i++) {
            sink += last.snapshot().length;
        }
        long s0 = cpuNanos();
        for (int i = 0; i < snapshots; i++) {
            sink += last.snapshot().length;
        }
        double snapshotMicros = (cpuNanos() - s0) / 1e3 / snapshots;
        double m0 = median(iou);
        double m1 = median(plain);
        double m2 = median(areas);
        double perFrame = scene.stream().mapToInt(f -> f.detections().size()).average().orElse(0);
        System.out.printf(
                "%7d  %10.1f  %13.2f  %10.2f  %5.1f  %15.2f  %5.1f  %11d  %11.2f%n",
                objects, perFrame, m0, m1, m1 / m0, m2, m2 / m0, bytes, snapshotMicros);
        if (sink == 42) {
            System.out.println(); // keeps the work from being optimised away
        }
    }

    private static long run(StreamTracker tracker, List<FrameResult> scene) {
        long ids = 0;
        for (FrameResult f : scene) {
            for (Detection d : tracker.process(f).result().detections()) {
                ids += d.trackId();
            }
        }
        return ids;
    }

    /** The baseline: for each frame, the IoU of the previous frame's boxes with this frame's. */
    private static long iouMatrices(List<FrameResult> scene) {
        long matches = 0;
        float[] previous = new float[0];
        for (FrameResult f : scene) {
            List<Detection> dets = f.detections();
            for (int t = 0; t < previous.length / 4; t++) {
                for (Detection d : dets) {
                    if (Association.iou(previous, 4 * t, d.x1(), d.y1(), d.x2(), d.y2()) >= 0.3) {
                        matches++;
                    }
                }
            }
            previous = new float[4 * dets.size()];
            for (int i = 0; i < dets.size(); i++) {
                Detection d = dets.get(i);
                previous[4 * i] = d.x1();
                previous[4 * i + 1] = d.y1();
                previous[4 * i + 2] = d.x2();
                previous[4 * i + 3] = d.y2();
            }
        }
        return matches;
    }

    private static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
