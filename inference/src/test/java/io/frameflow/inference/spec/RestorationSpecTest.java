package io.frameflow.inference.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The restoration catalog specs and how bad values in them are reported. */
class RestorationSpecTest {

    private static String builtIn(String file) {
        try (InputStream in =
                RestorationSpecTest.class.getResourceAsStream(
                        "/io/frameflow/inference/catalog/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ModelSpec parse(String file, String yaml) throws IOException {
        return ModelSpecLoader.read(
                file, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String edited(String file, String from, String to) {
        String yaml = builtIn(file);
        assertThat(yaml).contains(from);
        return yaml.replace(from, to);
    }

    @Test
    void readsTheWaifu2xDenoiser() throws IOException {
        ModelSpec spec = parse("waifu2x-noise3.yaml", builtIn("waifu2x-noise3.yaml"));

        assertThat(spec.modelId()).isEqualTo("waifu2x-noise3@1.6.5");
        assertThat(spec.task()).isEqualTo(ModelTask.RESTORE);
        assertThat(spec.source().convert()).isEqualTo(SourceFormat.WAIFU2X_JSON);
        assertThat(spec.source().files().all())
                .containsExactly("package/waifu2x/models_rgb/noise3_model.json");
        ImageDecoderSpec decoder = (ImageDecoderSpec) spec.decoder();
        assertThat(decoder.output()).isEqualTo("output");
        assertThat(decoder.scale()).isEqualTo(1);
        assertThat(List.of(decoder.black(), decoder.white())).containsExactly(0.0, 1.0);
    }

    @Test
    void readsTheNcnnUpscalerWithItsWeights() throws IOException {
        ModelSpec spec =
                parse("realesr-animevideov3-x4.yaml", builtIn("realesr-animevideov3-x4.yaml"));

        assertThat(spec.source().convert()).isEqualTo(SourceFormat.NCNN);
        assertThat(spec.source().files().weights())
                .containsExactly("package/real-esrgan/models/realesr-animevideov3-x4.bin");
        assertThat(spec.input().name()).isEqualTo("data");
        assertThat(((ImageDecoderSpec) spec.decoder()).scale()).isEqualTo(4);
    }

    @Test
    void anNcnnModelNeedsItsBinOfTheSameName() {
        String file = "realesr-animevideov3-x2.yaml";
        assertThatThrownBy(
                        () ->
                                parse(
                                        file,
                                        edited(
                                                file,
                                                "weights: package/real-esrgan/models/realesr-animevideov3-x2.bin",
                                                "weights: package/real-esrgan/models/realesr-animevideov3-x4.bin")))
                .isInstanceOf(ModelSpecException.class)
                .hasMessage(
                        file
                                + ": source.files.weights: [package/real-esrgan/models/realesr-animevideov3-x4.bin]"
                                + " is not valid for an ncnn model: expected exactly one file named"
                                + " realesr-animevideov3-x2.bin");
    }

    @Test
    void aRestorationModelNeedsTheImageDecoder() {
        String file = "waifu2x-noise0.yaml";
        String yaml = builtIn(file);
        String withoutDecoder = yaml.substring(0, yaml.indexOf("decoder:"));

        assertThatThrownBy(() -> parse(file, withoutDecoder))
                .isInstanceOf(ModelSpecException.class)
                .hasMessage(file + ": decoder: missing (required)");
    }

    @Test
    void rejectsAnUpsideDownRange() {
        String file = "waifu2x-noise0.yaml";
        assertThatThrownBy(() -> parse(file, edited(file, "range: [0, 1]", "range: [1, 0]")))
                .isInstanceOf(ModelSpecException.class)
                .hasMessage(
                        file
                                + ": decoder.range: [1.0, 0.0] is not valid: expected [black, white]"
                                + " with black < white");
    }

    @Test
    void rejectsAZeroScale() {
        String file = "realesr-animevideov3-x4.yaml";
        assertThatThrownBy(() -> parse(file, edited(file, "scale: 4", "scale: 0")))
                .isInstanceOf(ModelSpecException.class)
                .hasMessage(file + ": decoder.scale: 0 is not a positive integer");
    }
}
