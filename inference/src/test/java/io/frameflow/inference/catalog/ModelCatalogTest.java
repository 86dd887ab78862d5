package io.frameflow.inference.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    void theBuiltInCatalogHasEveryNamedModel() {
        ModelCatalog catalog = ModelCatalog.builtIn();

        assertThat(catalog.names())
                .contains(
                        "nanodet-coco",
                        "blazeface",
                        "ppocr-det",
                        "selfie-seg",
                        "waifu2x-noise0",
                        "waifu2x-noise1",
                        "waifu2x-noise2",
                        "waifu2x-noise3",
                        "realesr-animevideov3-x2",
                        "realesr-animevideov3-x4");
        assertThat(catalog.get("nanodet-coco").modelId()).isEqualTo("nanodet-coco@3.0.4");
        assertThat(catalog.get("blazeface").modelId()).isEqualTo("blazeface@1.2.0");
    }

    @Test
    void everyBuiltInEntryPinsTheOnnxFileItMakes() {
        assertThat(ModelCatalog.builtIn().names().stream().map(ModelCatalog.builtIn()::get))
                .isNotEmpty()
                .allSatisfy(
                        spec ->
                                assertThat(spec.source().onnxSha256())
                                        .as("source.onnx-sha256 of " + spec.name())
                                        .matches("[0-9a-f]{64}"));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> ModelCatalog.builtIn().get("nanodet-coc"))
                .isInstanceOf(UnknownModelException.class)
                .hasMessage(
                        "unknown model 'nanodet-coc'; known models: "
                                + String.join(", ", ModelCatalog.builtIn().names()))
                .hasMessageContaining("nanodet-coco");
    }

    @Test
    void rejectsTwoEntriesWithOneName() {
        var spec = ModelCatalog.builtIn().get("nanodet-coco");

        assertThatThrownBy(() -> ModelCatalog.of(java.util.List.of(spec, spec)))
                .hasMessage("two catalog entries are named nanodet-coco");
    }
}
