package io.frameflow.operators.track;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.common.TrackEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** Synthetic frame results of objects moving on a 1280x720 picture, and views of the output. */
final class Scenes {
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    /** Frames are 40 ms apart (25 fps). */
    static final long FRAME_MILLIS = 40;

    /** Capture time of frame 0. */
    static final long T0 = 1_700_000_000_000L;

    private Scenes() {}

    /** A detection of class {@code label} with top-left corner (x, y) and size w x h. */
    static Detection det(String label, float score, float x, float y, float w, float h) {
        return new Detection(label, label.equals("car") ? 2 : 0, score, x, y, x + w, y + h);
    }

    /** The result of frame {@code seq} of {@code stream}, at T0 + seq * 40 ms. */
    static FrameResult frame(String stream, long seq, Detection... dets) {
        return frameAt(stream, seq, T0 + seq * FRAME_MILLIS, dets);
    }

    static FrameResult frameAt(String stream, long seq, long millis, Detection... dets) {
        return new FrameResult(
                stream,
                seq,
                seq * FRAME_MILLIS * 1000,
                millis,
                TimeSource.MEDIA,
                WIDTH,
                HEIGHT,
                false,
                "test@1",
                List.of(dets));
    }

    /** The track id of each detection of each result, e.g. {@code [[1, 2], [1, 0]]}. */
    static List<List<Long>> ids(List<FrameResult> results) {
        return results.stream()
                .map(r -> r.detections().stream().map(Detection::trackId).toList())
                .toList();
    }

    /** The events in a compact form, e.g. {@code "zone_enter 1 seq=4 area=door"}. */
    static List<String> brief(List<TrackEvent> events) {
        return events.stream().map(Scenes::brief).collect(Collectors.toList());
    }

    static String brief(TrackEvent e) {
        StringBuilder s =
                new StringBuilder(e.type().wireName())
                        .append(' ')
                        .append(e.trackId())
                        .append(" seq=")
                        .append(e.seq());
        if (e.area() != null) {
            s.append(" area=").append(e.area());
        }
        if (e.direction() != null) {
            s.append(" dir=").append(e.direction().wireName());
        }
        if (e.durationMillis() != 0) {
            s.append(" duration=").append(e.durationMillis());
        }
        return s.toString();
    }

    /** All results and events of running {@code frames} through {@code tracker}, then ending it. */
    static Run run(StreamTracker tracker, List<FrameResult> frames) {
        Run run = new Run(new ArrayList<>(), new ArrayList<>());
        for (FrameResult f : frames) {
            TrackedFrame t = tracker.process(f);
            run.results().add(t.result());
            run.events().addAll(t.events());
        }
        run.events().addAll(tracker.endAll());
        return run;
    }

    record Run(List<FrameResult> results, List<TrackEvent> events) {}

    /**
     * A busy scene of one stream, the same for the same seed: objects of two classes that enter,
     * wander at their own speed (bouncing off the picture's edges), flicker and sometimes drop to a
     * low score, and leave.
     */
    static List<FrameResult> busyScene(String stream, long seed, int frames, int objects) {
        return busyScene(stream, seed, frames, objects, false);
    }

    /**
     * The busy scene; with {@code allAlong} every object is there from the first frame to the last
     * (missed now and then by the detector), so that each frame has about {@code objects}
     * detections.
     */
    static List<FrameResult> busyScene(
            String stream, long seed, int frames, int objects, boolean allAlong) {
        Random random = new Random(seed);
        float[][] obj = new float[objects][];
        for (int i = 0; i < objects; i++) {
            // x, y, w, h, vx, vy (px per frame), first frame, last frame
            float w = 30 + random.nextInt(60);
            float h = w * (1.5f + random.nextFloat());
            int first = allAlong ? 0 : random.nextInt(Math.max(1, frames / 2));
            obj[i] =
                    new float[] {
                        random.nextInt(WIDTH - (int) w),
                        random.nextInt(HEIGHT - (int) h),
                        w,
                        h,
                        random.nextFloat() * 12 - 6,
                        random.nextFloat() * 6 - 3,
                        first,
                        allAlong ? frames : first + 20 + random.nextInt(frames)
                    };
        }
        List<FrameResult> out = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            List<Detection> dets = new ArrayList<>();
            for (int i = 0; i < objects; i++) {
                float[] o = obj[i];
                if (f < o[6] || f > o[7]) {
                    continue;
                }
                o[0] += o[4];
                o[1] += o[5];
                if (o[0] < 0 || o[0] + o[2] > WIDTH) {
                    o[4] = -o[4];
                    o[0] = Math.max(0, Math.min(WIDTH - o[2], o[0]));
                }
                if (o[1] < 0 || o[1] + o[3] > HEIGHT) {
                    o[5] = -o[5];
                    o[1] = Math.max(0, Math.min(HEIGHT - o[3], o[1]));
                }
                double roll = random.nextDouble();
                if (roll < 0.05) {
                    continue; // missed by the detector
                }
                float score =
                        roll < 0.15
                                ? 0.2f + random.nextFloat() * 0.2f
                                : 0.6f + random.nextFloat() * 0.4f;
                float jitter = random.nextFloat() * 2 - 1;
                dets.add(
                        det(
                                i % 3 == 0 ? "car" : "person",
                                score,
                                o[0] + jitter,
                                o[1] - jitter,
                                o[2],
                                o[3]));
            }
            dets.sort((a, b) -> Float.compare(b.score(), a.score()));
            out.add(frame(stream, f, dets.toArray(new Detection[0])));
        }
        return out;
    }
}
