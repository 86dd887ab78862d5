package io.frameflow.common.serde;

import io.frameflow.common.Detection;
import io.frameflow.common.Outline;
import io.frameflow.common.Restoration;
import io.frameflow.common.RunLengthMask;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.SegmentedArea;
import java.util.List;

/** Result parts with every field set, for the serializer tests. */
final class ResultSamples {
    private ResultSamples() {}

    static Restoration applied() {
        return new Restoration("waifu2x-noise1@1.6.5", true, 31.25, 0.9125, 0.041);
    }

    static Restoration skipped() {
        return new Restoration("waifu2x-noise1@1.6.5", false, Double.NaN, Double.NaN, 0.004);
    }

    static SegmentationResult segmentation() {
        return new SegmentationResult(
                "selfie-seg@3.0.4",
                List.of(
                        new SegmentedArea(
                                "person",
                                0,
                                0.25,
                                new RunLengthMask(4, 2, new int[] {0, 2, 2, 2, 2}),
                                List.of(
                                        new Outline(new float[] {0, 0, 320, 0, 320, 240}),
                                        new Outline(new float[] {1, 1, 2, 1, 2, 2, 1, 2}))),
                        new SegmentedArea(
                                "background-clutter",
                                1,
                                0,
                                new RunLengthMask(1, 1, new int[] {1}),
                                List.of())));
    }

    /** A tracked person with an untracked face inside, and an untracked car. */
    static List<Detection> tracked() {
        Detection face = new Detection("face", 0, 0.9f, 10f, 20f, 30f, 45f);
        return List.of(
                new Detection("person", 0, 0.8f, 5f, 10f, 60f, 200f, List.of(face), 3),
                new Detection("car", 2, 0.4f, 100f, 120f, 180f, 200f));
    }

    /** A person with two faces inside, one of which has a nested child of its own. */
    static List<Detection> nested() {
        Detection eye = new Detection("eye", 0, 0.5f, 12f, 22f, 14f, 24f);
        Detection face1 = new Detection("face", 0, 0.9f, 10f, 20f, 30f, 45f, List.of(eye));
        Detection face2 = new Detection("face", 0, 0.6f, 40f, 20f, 55f, 40f);
        return List.of(
                new Detection("person", 0, 0.8f, 5f, 10f, 60f, 200f, List.of(face1, face2)),
                new Detection("dog", 16, 0.4f, 100f, 120f, 180f, 200f));
    }
}
