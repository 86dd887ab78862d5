package io.frameflow.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.fetch.Sha256;
import io.frameflow.inference.runtime.Backend;
import io.frameflow.inference.runtime.Precision;
import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.inference.spec.ModelSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorFactoryTest {
    private static final ModelSpec SPEC = ModelCatalog.builtIn().get("nanodet-coco");

    @TempDir Path dir;

    @Test
    void survivesJavaSerialisationAsAJobWouldShipIt() throws Exception {
        Path onnx = Files.writeString(dir.resolve("model.onnx"), "bytes");
        DetectorFactory factory =
                new DetectorFactory(
                        new FetchedModel(SPEC, onnx, Sha256.of(onnx)),
                        DetectorOptions.from(SPEC.defaults()).withThreads(1));

        DetectorFactory copy = roundTrip(factory);

        assertThat(copy.modelId()).isEqualTo("nanodet-coco@3.0.4");
        assertThat(copy.options()).isEqualTo(factory.options());
        // The copy checks the same file against the same digest.
        Files.writeString(onnx, "changed");
        assertThatThrownBy(copy::create).hasMessageContaining("was recorded when it was fetched");
    }

    @Test
    void refusesAFileWhoseDigestChanged() throws IOException {
        Path onnx = Files.writeString(dir.resolve("model.onnx"), "bytes");
        String recorded = "1".repeat(64);
        DetectorFactory factory =
                DetectorFactory.withDefaults(new FetchedModel(SPEC, onnx, recorded));

        assertThatThrownBy(factory::create)
                .isInstanceOf(InferenceException.class)
                .hasMessage(
                        "model nanodet-coco@3.0.4: "
                                + onnx
                                + " has sha256 "
                                + Sha256.of(onnx)
                                + " but "
                                + recorded
                                + " was recorded when it was fetched; fetch the model again");
    }

    @Test
    void refusesAMissingFileWithoutTryingToDownload() {
        Path onnx = dir.resolve("absent.onnx");
        DetectorFactory factory =
                DetectorFactory.withDefaults(new FetchedModel(SPEC, onnx, "1".repeat(64)));

        assertThatThrownBy(factory::create)
                .isInstanceOf(InferenceException.class)
                .hasMessage(
                        "model nanodet-coco@3.0.4: "
                                + onnx
                                + " does not exist on this machine; fetch the model into the cache"
                                + " here (or share the cache) before starting the job");
    }

    @Test
    void wrapsALoadFailureWithTheModelAndFile() throws IOException {
        Path onnx = Files.writeString(dir.resolve("model.onnx"), "not an onnx model");
        DetectorFactory factory =
                DetectorFactory.withDefaults(new FetchedModel(SPEC, onnx, Sha256.of(onnx)));

        assertThatThrownBy(factory::create)
                .isInstanceOf(InferenceException.class)
                .hasMessageStartingWith(
                        "failed to load model nanodet-coco@3.0.4 from " + onnx + ": ");
    }

    @Test
    void picksTheTranslatorByDecoderType() throws IOException {
        ModelSpec blazeFace = ModelCatalog.builtIn().get("blazeface");
        ModelSpec yolo = OwnModelSpecs.load(dir, "my-yolov8", OwnModelSpecs.yaml("my-yolov8"));
        ModelSpec ssd = OwnModelSpecs.load(dir, "my-ssd", OwnModelSpecs.yaml("my-ssd"));
        DetectorOptions options = DetectorOptions.from(SPEC.defaults());

        assertThat(DetectorFactory.translator(SPEC, options)).isInstanceOf(NanoDetTranslator.class);
        assertThat(DetectorFactory.translator(blazeFace, options))
                .isInstanceOf(BlazeFaceTranslator.class);
        assertThat(DetectorFactory.translator(yolo, options)).isInstanceOf(YoloTranslator.class);
        assertThat(DetectorFactory.translator(ssd, options)).isInstanceOf(SsdTranslator.class);
    }

    @Test
    void carriesTheRuntimeOptionsIntoTheJob() throws Exception {
        Path onnx = Files.writeString(dir.resolve("model.onnx"), "bytes");
        RuntimeOptions runtime =
                RuntimeOptions.defaults()
                        .withBackend(Backend.ONNXRUNTIME)
                        .withPrecision(Precision.FP16)
                        .withThreads(3)
                        .withMaxBatchSize(4);
        DetectorFactory factory =
                new DetectorFactory(
                        new FetchedModel(SPEC, onnx, Sha256.of(onnx)),
                        DetectorOptions.from(SPEC.defaults()).withRuntime(runtime));

        assertThat(roundTrip(factory).options().runtime()).isEqualTo(runtime);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
