package io.frameflow.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ModelSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models and specs that do not fit: each fails at startup (spec load or predictor creation) with a
 * message naming the file, the key or tensor, and the value, never later on a frame.
 */
class DetectorBadInputTest {
    @TempDir Path dir;

    private ModelSpec yolo() throws IOException {
        return OwnModelSpecs.load(dir, "my-yolov8", OwnModelSpecs.yaml("my-yolov8"));
    }

    private static void assertSpecRejected(Path dir, String name, String yaml, String message) {
        assertThatThrownBy(() -> OwnModelSpecs.load(dir, name, yaml))
                .isInstanceOf(ModelSpecException.class)
                .hasMessage(message);
    }

    private static String edited(String name, String from, String to) {
        String yaml = OwnModelSpecs.yaml(name);
        assertThat(yaml).contains(from);
        return yaml.replace(from, to);
    }

    private void assertCreateFails(ModelSpec spec, Path onnx, String message) {
        DetectorFactory factory = DetectorFactory.withDefaults(OwnModelSpecs.fetched(spec, onnx));
        assertThatThrownBy(factory::create)
                .isInstanceOf(InferenceException.class)
                .hasMessage(message);
    }

    @Test
    void aModelFileThatIsNotOnnx() throws IOException {
        Path file = Files.writeString(dir.resolve("model.onnx"), "<html>not found</html>");
        DetectorFactory factory = DetectorFactory.withDefaults(OwnModelSpecs.fetched(yolo(), file));

        assertThatThrownBy(factory::create)
                .isInstanceOf(InferenceException.class)
                .hasMessageStartingWith("failed to load model my-yolov8@1 from " + file + ": ");
    }

    @Test
    void anOnnxInputWithAnotherName() throws IOException {
        Path onnx =
                new ConstantOutputModel("input", 1, 3, 320, 320)
                        .output("output0", 1, 6, 2100)
                        .write(dir.resolve("renamed.onnx"));

        assertCreateFails(
                yolo(),
                onnx,
                "model my-yolov8@1 ("
                        + onnx
                        + ") has inputs [input]; its translator fills only 'images'");
    }

    @Test
    void anOnnxInputOfAnotherSize() throws IOException {
        Path onnx =
                new ConstantOutputModel("images", 1, 3, 640, 640)
                        .output("output0", 1, 6, 2100)
                        .write(dir.resolve("bigger.onnx"));

        assertCreateFails(
                yolo(),
                onnx,
                "model my-yolov8@1: input 'images' has per-item shape [3, 640, 640] but the spec"
                        + " implies [3, 320, 320] (input.layout NCHW, width and height) (model"
                        + " file "
                        + onnx
                        + ")");
    }

    @Test
    void anOnnxOutputWithAnotherName() throws IOException {
        Path onnx =
                new ConstantOutputModel("images", 1, 3, 320, 320)
                        .output("output1", 1, 6, 2100)
                        .write(dir.resolve("output1.onnx"));

        assertCreateFails(
                yolo(),
                onnx,
                "model my-yolov8@1 ("
                        + onnx
                        + ") has no float output 'output0'; its float outputs: [output1]");
    }

    @Test
    void anOnnxOutputWithMoreClassesThanLabels() throws IOException {
        Path onnx =
                new ConstantOutputModel("images", 1, 3, 320, 320)
                        .output("output0", 1, 7, 2100)
                        .write(dir.resolve("three-classes.onnx"));

        assertCreateFails(
                yolo(),
                onnx,
                "model my-yolov8@1: output 'output0' has per-item shape [7, 2100] but the spec"
                        + " implies [6, any] (yolo v8: (4 box values + one score per label) x"
                        + " boxes) (model file "
                        + onnx
                        + ")");
    }

    @Test
    void anSsdWhoseScoresDoNotMatchItsBoxes() throws IOException {
        ModelSpec ssd = OwnModelSpecs.load(dir, "my-ssd", OwnModelSpecs.yaml("my-ssd"));
        Path onnx =
                new ConstantOutputModel("image", 1, 300, 300, 3)
                        .output("detection_boxes", 1, 1917, 4)
                        .output("detection_scores", 1, 1917, 2)
                        .write(dir.resolve("ssd.onnx"));

        assertCreateFails(
                ssd,
                onnx,
                "model my-ssd@2: output 'detection_scores' has per-item shape [1917, 2] but the"
                        + " spec implies [1917, 3] (boxes x one score per label + the"
                        + " background's) (model file "
                        + onnx
                        + ")");
    }

    @Test
    void aLayoutKeyThatDoesNotExist() {
        assertSpecRejected(
                dir,
                "my-yolov8",
                edited("my-yolov8", "layout: NCHW", "layout: NHCW"),
                "my-yolov8.yaml: input.layout: 'NHCW' is not one of NCHW, NHWC");
    }

    @Test
    void aMeanWithTwoValues() {
        assertSpecRejected(
                dir,
                "my-ssd",
                edited("my-ssd", "mean: [1, 1, 1]", "mean: [1, 1]"),
                "my-ssd.yaml: input.mean: [1.0, 1.0] has 2 values; expected 3 (one per channel)");
    }

    @Test
    void aResizeModeThatDoesNotExist() {
        assertSpecRejected(
                dir,
                "my-yolov8",
                edited("my-yolov8", "resize: letterbox", "resize: pad"),
                "my-yolov8.yaml: input.resize: 'pad' is not one of stretch, letterbox");
    }

    @Test
    void letterboxOnlyForDetectors() throws IOException {
        String yaml;
        try (var in =
                DetectorBadInputTest.class.getResourceAsStream(
                        "/io/frameflow/inference/catalog/selfie-seg.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(yaml).contains("resize: stretch");

        assertSpecRejected(
                dir,
                "selfie-seg",
                yaml.replace("resize: stretch", "resize: letterbox"),
                "selfie-seg.yaml: input.resize: 'letterbox' is only supported for detect models;"
                        + " use stretch");
    }

    @Test
    void decoderKeysWithValuesThatDoNotExist() {
        assertSpecRejected(
                dir,
                "my-yolov8",
                edited("my-yolov8", "version: v8", "version: v9"),
                "my-yolov8.yaml: decoder.version: 'v9' is not one of v5, v8");
        assertSpecRejected(
                dir,
                "my-ssd",
                edited("my-ssd", "box-format: yxyx", "box-format: xywh"),
                "my-ssd.yaml: decoder.box-format: 'xywh' is not one of xyxy, yxyx, cxcywh");
        assertSpecRejected(
                dir,
                "my-ssd",
                edited("my-ssd", "background-class: 0", "background-class: 3"),
                "my-ssd.yaml: decoder.background-class: 3 is not a score column: with 2 labels"
                        + " and a background the columns are 0..2");
    }

    @Test
    void aBlazeFaceSpecWithoutAnAnchorCountPerStride() {
        String yaml = blazeFaceYaml().replace("anchors: [2, 6]", "anchors: [2]");

        assertSpecRejected(
                dir,
                "blazeface",
                yaml,
                "blazeface.yaml: decoder.anchors: [2] has 1 entries; expected 2, one per stride");
    }

    private static String blazeFaceYaml() {
        try (var in =
                DetectorBadInputTest.class.getResourceAsStream(
                        "/io/frameflow/inference/catalog/blazeface.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
