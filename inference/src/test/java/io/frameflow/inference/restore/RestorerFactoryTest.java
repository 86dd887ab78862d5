package io.frameflow.inference.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.spec.InputSpec;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.TensorLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the factory checks on the client, before any model file is loaded. */
class RestorerFactoryTest {
    private static final String SHA = "0".repeat(64);

    @TempDir Path dir;

    private static FetchedModel cached(String name, Path file) {
        return new FetchedModel(ModelCatalog.builtIn().get(name), file, SHA);
    }

    @Test
    void rejectsADetector() {
        assertThatThrownBy(
                        () ->
                                RestorerFactory.withDefaults(
                                        cached("nanodet-coco", dir.resolve("m.onnx"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model nanodet-coco@3.0.4 is a DETECT model, not a restoration model");
    }

    @Test
    void rejectsAnNhwcInput() {
        ModelSpec spec = ModelCatalog.builtIn().get("waifu2x-noise0");
        InputSpec in = spec.input();
        ModelSpec nhwc =
                new ModelSpec(
                        spec.name(),
                        spec.version(),
                        spec.task(),
                        spec.license(),
                        spec.source(),
                        new InputSpec(
                                in.name(),
                                TensorLayout.NHWC,
                                in.width(),
                                in.height(),
                                in.resize(),
                                in.color(),
                                in.scale(),
                                in.mean(),
                                in.std()),
                        spec.decoder(),
                        null,
                        null);

        assertThatThrownBy(
                        () ->
                                RestorerFactory.withDefaults(
                                        new FetchedModel(nhwc, dir.resolve("m.onnx"), SHA)))
                .hasMessage(
                        "model waifu2x-noise0@1.6.5: input.layout NHWC is not supported for"
                                + " restoration; only NCHW is");
    }

    @Test
    void optionsNameTheBadKey() {
        RestorerOptions defaults = RestorerOptions.defaults();
        assertThat(defaults.tile()).isEqualTo(256);
        assertThat(defaults.overlap()).isEqualTo(16);
        assertThat(defaults.gate().kind()).isEqualTo(GateKind.NONE);

        assertThatThrownBy(() -> defaults.withTile(8))
                .hasMessage("tile: 8 is too small; use at least 16");
        assertThatThrownBy(() -> defaults.withTile(32))
                .hasMessage(
                        "overlap: 16 is not valid for tile 32; expected 0 <= overlap < tile / 2");
        assertThatThrownBy(() -> defaults.withOverlap(-1))
                .hasMessage(
                        "overlap: -1 is not valid for tile 256; expected 0 <= overlap < tile / 2");
        assertThatThrownBy(() -> RestorationGate.noiseAbove(0))
                .hasMessage("gate threshold: 0.0 is not a positive number");
    }

    @Test
    void aKnownFrameSizeSmallerThanTheTileFailsAtStartup() {
        RestorerFactory factory =
                RestorerFactory.withDefaults(cached("waifu2x-noise1", dir.resolve("m.onnx")));

        factory.checkFrameSize(320, 256);
        assertThatThrownBy(() -> factory.checkFrameSize(320, 240))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "tile: 256 is larger than the 320x240 frames of this stream; use at most"
                                + " 240");
    }

    @Test
    void travelsIntoTheJobAndOnlyThenLooksForItsFile() throws Exception {
        Path missing = dir.resolve("gone.onnx");
        RestorerFactory factory =
                new RestorerFactory(
                        cached("realesr-animevideov3-x4", missing),
                        RestorerOptions.defaults()
                                .withTile(128)
                                .withGate(RestorationGate.blurBelow(100)));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
        }
        RestorerFactory copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (RestorerFactory) in.readObject();
        }

        assertThat(copy.options()).isEqualTo(factory.options());
        assertThat(copy.scale()).isEqualTo(4);
        assertThat(Files.exists(missing)).isFalse();
        assertThatThrownBy(copy::create)
                .isInstanceOf(InferenceException.class)
                .hasMessageContaining(
                        "model realesr-animevideov3-x4@1.6.5: " + missing + " does not exist");
    }
}
