package io.frameflow.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.spec.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic decoders end to end: the example specs of docs/models.md, loaded from files, on ONNX
 * models whose outputs are known constants, run by ONNX Runtime through {@link DetectorFactory}.
 * Every expected box is worked out by hand from the outputs and the stretch or letterbox.
 */
class OwnModelDetectorTest {
    private static final int V8_BOXES = 2100; // 40² + 20² + 10² cells at 320x320

    @TempDir Path dir;

    private static List<DetectedObject> detect(ModelSpec spec, Path onnx, BgrImage picture) {
        try (Predictor<BgrImage, List<DetectedObject>> detector =
                DetectorFactory.withDefaults(OwnModelSpecs.fetched(spec, onnx)).create()) {
            return detector.predict(picture);
        }
    }

    private static BgrImage picture(int width, int height) {
        return new BgrImage(width, height, new byte[width * height * 3]);
    }

    /** Sets box b of a v8 output: channels first, so each value is in its own channel row. */
    private static void v8Box(ConstantOutputModel model, int b, float... values) {
        for (int channel = 0; channel < values.length; channel++) {
            model.set("output0", channel * V8_BOXES + b, values[channel]);
        }
    }

    @Test
    void yoloV8WithLetterboxPerClassNmsAndClipping() throws IOException {
        ModelSpec spec = OwnModelSpecs.load(dir, "my-yolov8", OwnModelSpecs.yaml("my-yolov8"));
        ConstantOutputModel model =
                new ConstantOutputModel("images", 1, 3, 320, 320).output("output0", 1, 6, V8_BOXES);
        // cx, cy, w, h, helmet, head (input pixels, probabilities)
        v8Box(model, 0, 160, 160, 64, 32, 0.9f, 0.1f);
        v8Box(model, 1, 164, 160, 64, 32, 0.8f, 0.1f); // IoU 0.88 with box 0, same class
        v8Box(model, 2, 164, 160, 64, 32, 0.1f, 0.7f); // the same place, another class
        v8Box(model, 3, 40, 40, 20, 20, 0.2f, 0f); // below the 0.25 threshold
        v8Box(model, 2099, 300, 40, 40, 40, 0.5f, 0f); // half in the top padding
        v8Box(model, 2098, 300, 20, 40, 20, 0.6f, 0f); // all in the top padding
        Path onnx = model.write(dir.resolve("yolov8.onnx"));

        // 640x480 letterboxed into 320x320: scale 0.5, picture 320x240 at y 40..280.
        List<DetectedObject> detections = detect(spec, onnx, picture(640, 480));

        // Input box (128, 144)-(192, 176) -> ((x - 0) * 2, (y - 40) * 2).
        assertThat(detections)
                .containsExactly(
                        new DetectedObject(0, "helmet", 0.9f, 256, 208, 384, 272),
                        new DetectedObject(1, "head", 0.7f, 264, 208, 392, 272),
                        // (280, 20)-(320, 60): y -40 is clipped to the picture's top.
                        new DetectedObject(0, "helmet", 0.5f, 560, 0, 640, 40));
    }

    @Test
    void yoloV5MultipliesObjectnessAndClassScoreWithStretch() throws IOException {
        String yaml =
                OwnModelSpecs.yaml("my-yolov8")
                        .replace("version: v8", "version: v5")
                        .replace("resize: letterbox", "resize: stretch");
        ModelSpec spec = OwnModelSpecs.load(dir, "my-yolov5", yaml);
        Path onnx =
                new ConstantOutputModel("images", 1, 3, 320, 320)
                        .output("output0", 1, 3, 7)
                        // cx, cy, w, h, objectness, helmet, head
                        .set("output0", 0, 100, 100, 40, 40, 0.5f, 0.75f, 0.25f)
                        .set("output0", 7, 200, 200, 40, 40, 0.9f, 0.2f, 0.25f) // 0.225
                        .set("output0", 14, 50, 50, 10, 10, 0.2f, 1f, 0f) // 0.2
                        .write(dir.resolve("yolov5.onnx"));

        // 640x160 stretched to 320x320: x times 2, y times 0.5.
        List<DetectedObject> detections = detect(spec, onnx, picture(640, 160));

        assertThat(detections)
                .containsExactly(new DetectedObject(0, "helmet", 0.375f, 160, 40, 240, 60));
    }

    @Test
    void ssdWithNormalisedYxyxBoxesAndABackgroundColumn() throws IOException {
        ModelSpec spec = OwnModelSpecs.load(dir, "my-ssd", OwnModelSpecs.yaml("my-ssd"));
        Path onnx =
                new ConstantOutputModel("image", 1, 300, 300, 3)
                        .output("detection_boxes", 1, 1917, 4)
                        .output("detection_scores", 1, 1917, 3)
                        // y1, x1, y2, x2 as fractions of the input
                        .set("detection_boxes", 0, 0.125f, 0.25f, 0.5f, 0.625f)
                        .set("detection_scores", 0, 0.1f, 0.8f, 0.1f) // person
                        .set("detection_boxes", 4, 0f, 0f, 1f, 1f)
                        .set("detection_scores", 3, 0.9f, 0.05f, 0.05f) // background only
                        .set("detection_boxes", 8, 0.5f, 0f, 1f, 0.25f)
                        .set("detection_scores", 6, 0f, 0.3f, 0.6f) // car
                        .write(dir.resolve("ssd.onnx"));

        // 600x150 stretched to 300x300: x times 2, y times 0.5.
        List<DetectedObject> detections = detect(spec, onnx, picture(600, 150));

        assertThat(detections)
                .containsExactly(
                        // input (75, 37.5)-(187.5, 150)
                        new DetectedObject(0, "person", 0.8f, 150, 18.75f, 375, 75),
                        // input (0, 150)-(75, 300)
                        new DetectedObject(1, "car", 0.6f, 0, 75, 150, 150));
    }

    @Test
    void ssdInPixelsAsCentreAndSizeWithoutBackground() throws IOException {
        String yaml =
                OwnModelSpecs.yaml("my-ssd")
                        .replace("box-format: yxyx", "box-format: cxcywh")
                        .replace("box-units: normalized", "box-units: pixels")
                        .replace("  background-class: 0\n", "")
                        .replace("labels: [person, car]", "labels: [background, person, car]");
        ModelSpec spec = OwnModelSpecs.load(dir, "my-ssd-pixels", yaml);
        Path onnx =
                new ConstantOutputModel("image", 1, 300, 300, 3)
                        .output("detection_boxes", 1, 1917, 4)
                        .output("detection_scores", 1, 1917, 3)
                        .set("detection_boxes", 0, 150, 150, 100, 50)
                        .set("detection_scores", 0, 0.9f, 0.05f, 0.05f)
                        .write(dir.resolve("ssd-pixels.onnx"));

        List<DetectedObject> detections = detect(spec, onnx, picture(300, 300));

        // Without background-class every column is a label, the first one included.
        assertThat(detections)
                .containsExactly(new DetectedObject(0, "background", 0.9f, 100, 125, 200, 175));
    }
}
