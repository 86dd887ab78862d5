package io.frameflow.sinks.json;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.Outline;
import io.frameflow.common.Restoration;
import io.frameflow.common.RunLengthMask;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.SegmentedArea;
import io.frameflow.common.TimeSource;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records of every shape the JSON writers handle, for the schema test. */
final class JsonSchemaSamples {
    private JsonSchemaSamples() {}

    /** A frame result with every optional part: tracks, children, restoration, segmentation. */
    static FrameResult everything() {
        Detection face = new Detection("face", 0, 0.9012f, 418f, 200.5f, 436.7f, 221f);
        Detection person =
                new Detection(
                        "person", 0, 0.8123f, 405.2f, 196.9f, 452.8f, 319.4f, List.of(face), 7);
        SegmentedArea area =
                new SegmentedArea(
                        "person",
                        0,
                        0.031245,
                        new RunLengthMask(4, 2, new int[] {3, 2, 1, 2}),
                        List.of(
                                new Outline(
                                        new float[] {405f, 197f, 452.9f, 197f, 452.9f, 319.5f})));
        return new FrameResult(
                "lobby",
                7,
                280_000,
                1_763_800_000_280L,
                TimeSource.SENDER_REPORT,
                768,
                576,
                true,
                "waifu2x-noise1@1.6.5>selfie-seg@3.0.4>nanodet-coco@3.0.4>blazeface@1.2.0",
                List.of(person, new Detection("car", 2, 0.3f, 0f, 0f, 10f, 10f)),
                new Restoration("waifu2x-noise1@1.6.5", true, 33.41, 0.9412, 0.0413),
                new SegmentationResult("selfie-seg@3.0.4", List.of(area)));
    }

    static List<FrameResult> frameResults() {
        List<FrameResult> out = new ArrayList<>();
        // nothing found, file time
        out.add(
                new FrameResult(
                        "vtest", 0, 0, 0, TimeSource.MEDIA, 768, 576, false, "m@1", List.of()));
        // untracked detections on arrival time
        out.add(
                new FrameResult(
                        "cam-1",
                        100,
                        10_000_000,
                        1_763_800_000_123L,
                        TimeSource.ARRIVAL,
                        1920,
                        1080,
                        false,
                        "nanodet-coco@3.0.4",
                        List.of(
                                new Detection(
                                        "person", 0, 0.7134f, 405.24f, 196.9f, 452.8f, 319.4f),
                                new Detection("person", 0, 1f, 0f, 0f, 0f, 0f))));
        // tracked detections, children two deep
        Detection eye = new Detection("eye", 1, 0.5f, 420f, 205f, 425f, 208f);
        Detection face = new Detection("face", 0, 0.9f, 418f, 200f, 436f, 221f, List.of(eye));
        out.add(
                new FrameResult(
                        "cam-2",
                        3,
                        120_000,
                        120,
                        TimeSource.MEDIA,
                        320,
                        240,
                        false,
                        "a@1>b@2>c@3",
                        List.of(
                                new Detection("person", 0, 0.9f, 1, 2, 3, 4, List.of(face), 12),
                                new Detection("person", 0, 0.8f, 5, 6, 7, 8, List.of(), 13))));
        out.add(everything());
        // restoration skipped by its gate (NaN figures), no gate estimate, an empty segmentation
        out.add(
                new FrameResult(
                        "cam-3",
                        9,
                        0,
                        9,
                        TimeSource.MEDIA,
                        64,
                        48,
                        false,
                        "r@1>s@1",
                        List.of(),
                        new Restoration("r@1", false, Double.NaN, Double.NaN, Double.NaN),
                        new SegmentationResult(
                                "s@1",
                                List.of(
                                        new SegmentedArea(
                                                "text",
                                                1,
                                                0,
                                                new RunLengthMask(2, 2, new int[] {4}),
                                                List.of())))));
        // restoration identical to its input: infinite PSNR
        out.add(
                new FrameResult(
                        "cam-3",
                        10,
                        0,
                        10,
                        TimeSource.MEDIA,
                        64,
                        48,
                        false,
                        "r@1",
                        List.of(),
                        new Restoration("r@1", true, Double.POSITIVE_INFINITY, 1, 0.001),
                        null));
        return out;
    }

    static List<WindowResult> windowResults() {
        return List.of(
                new WindowResult(
                        WindowResult.Kind.COUNT,
                        "cam-1",
                        1_763_800_000_000L,
                        1_763_800_060_000L,
                        "",
                        "person",
                        0,
                        Map.of(
                                "frames", 1500.0,
                                "detections", 4211.0,
                                "mean", 2.8073,
                                "max", 6.0,
                                "tracks", 9.0)),
                new WindowResult(
                        WindowResult.Kind.COUNT,
                        "vtest",
                        0,
                        10_000,
                        "",
                        "car",
                        2,
                        Map.of(
                                "frames", 0.0,
                                "detections", 0.0,
                                "mean", Double.NaN,
                                "max", 0.0,
                                "tracks", 0.0)),
                new WindowResult(
                        WindowResult.Kind.OCCUPANCY,
                        "cam-1",
                        1_763_800_000_000L,
                        1_763_800_010_000L,
                        "door",
                        "person",
                        1,
                        Map.of(
                                "frames", 250.0,
                                "mean", 1.0 / 3,
                                "max", 2.0,
                                "tracks", 3.0,
                                "entries", 4.0)),
                new WindowResult(
                        WindowResult.Kind.CROSSINGS,
                        "cam-1",
                        1_763_800_000_000L,
                        1_763_800_060_000L,
                        "gate",
                        "person",
                        0,
                        Map.of("in", 5.0, "out", 3.0, "total", 8.0)));
    }

    static List<TrackEvent> trackEvents() {
        List<TrackEvent> out = new ArrayList<>();
        out.add(event(TrackEvent.Type.TRACK_START, null, null, 0));
        out.add(event(TrackEvent.Type.TRACK_END, null, null, 41_000));
        out.add(event(TrackEvent.Type.ZONE_ENTER, "door", null, 0));
        out.add(event(TrackEvent.Type.ZONE_EXIT, "door", null, 1_200));
        out.add(event(TrackEvent.Type.ZONE_EXIT, "door", null, 0));
        out.add(event(TrackEvent.Type.LINE_CROSSING, "gate", TrackEvent.Direction.IN, 0));
        out.add(event(TrackEvent.Type.LINE_CROSSING, "gate", TrackEvent.Direction.OUT, 0));
        return out;
    }

    private static TrackEvent event(
            TrackEvent.Type type, String area, TrackEvent.Direction direction, long duration) {
        return new TrackEvent(
                type,
                "cam-1",
                17,
                "person",
                55,
                1_763_800_002_200L,
                area,
                direction,
                duration,
                5.04f,
                6f,
                70.25f,
                180f);
    }
}
