package io.frameflow.jobs.assembly;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.catalog.UnknownModelException;
import io.frameflow.inference.detect.DetectorFactory;
import io.frameflow.inference.detect.DetectorOptions;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.inference.restore.RestorationGate;
import io.frameflow.inference.restore.RestorerFactory;
import io.frameflow.inference.restore.RestorerOptions;
import io.frameflow.inference.runtime.Backend;
import io.frameflow.inference.runtime.Precision;
import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.inference.segment.SegmenterFactory;
import io.frameflow.inference.segment.SegmenterOptions;
import io.frameflow.inference.segment.TextBoxDetectorFactory;
import io.frameflow.inference.segment.TextBoxOptions;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ModelTask;
import io.frameflow.inference.spec.ProbabilityMapDecoderSpec;
import io.frameflow.jobs.spec.DetectStageSpec;
import io.frameflow.jobs.spec.ModelStageSpec;
import io.frameflow.jobs.spec.PipelineSpecException;
import io.frameflow.jobs.spec.RestoreStageSpec;
import io.frameflow.jobs.spec.SegmentStageSpec;
import io.frameflow.jobs.spec.StageSpec;
import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.stage.DetectStage;
import io.frameflow.operators.stage.ModelStage;
import io.frameflow.operators.stage.RestoreStage;
import io.frameflow.operators.stage.SegmentStage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the model stages of a validated pipeline file: checks that each stage's model is a model
 * of the stage's task, fetches it (before the job starts), and builds its predictor factory. One
 * method per stage kind builds the factory; every problem names the file and the key, e.g. {@code
 * p.yaml: stages[1].restore.model: 'nanodet-coco' is a detect model}.
 *
 * <p>Stage names (operator names, dead-letter stages, uids): the kind ({@code restore}, {@code
 * segment}, {@code detect}) for the first stage of a kind, {@code detect-2}, {@code detect-3}… for
 * later detect stages on crops.
 */
final class StageResolver {

    private final ModelStore models;
    private final ProgressListener progress;
    private final String file;
    private final int defaultThreads;

    StageResolver(ModelStore models, ProgressListener progress, String file, int defaultThreads) {
        this.models = models;
        this.progress = progress;
        this.file = file;
        this.defaultThreads = defaultThreads;
    }

    List<ModelStage> resolve(List<StageSpec> stages) {
        List<ModelStage> resolved = new ArrayList<>(stages.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            StageSpec entry = stages.get(i);
            ModelStageSpec stage = entry.stage();
            String kind =
                    stage instanceof RestoreStageSpec
                            ? "restore"
                            : stage instanceof SegmentStageSpec ? "segment" : "detect";
            String at = file + ": stages[" + i + "]." + kind;
            String name = kind;
            for (int n = 2; !names.add(name); n++) {
                name = kind + "-" + n;
            }
            FetchedModel model = fetch(stage.model(), taskOf(kind), at);
            BatchOptions batch = batch(stage, at);
            if (stage instanceof RestoreStageSpec r) {
                resolved.add(restore(name, r, model, batch, at));
            } else if (stage instanceof SegmentStageSpec g) {
                resolved.add(segment(name, g, model, batch, at));
            } else {
                resolved.add(detect(name, (DetectStageSpec) stage, model, batch, at));
            }
        }
        return resolved;
    }

    private static ModelTask taskOf(String kind) {
        return switch (kind) {
            case "restore" -> ModelTask.RESTORE;
            case "segment" -> ModelTask.SEGMENT;
            default -> ModelTask.DETECT;
        };
    }

    /** The catalog model, after checking its task; fetched into the cache if needed. */
    private FetchedModel fetch(String name, ModelTask task, String at) {
        ModelSpec spec;
        try {
            spec = models.catalog().get(name);
        } catch (UnknownModelException e) {
            throw new PipelineSpecException(at + ".model: " + e.getMessage(), e);
        }
        if (spec.task() != task && !(task == ModelTask.DETECT && givesTextBoxes(spec))) {
            String wanted = task.name().toLowerCase(java.util.Locale.ROOT);
            throw new PipelineSpecException(
                    at
                            + ".model: '"
                            + name
                            + "' is a "
                            + spec.task().name().toLowerCase(java.util.Locale.ROOT)
                            + " model; a "
                            + wanted
                            + " stage needs a "
                            + wanted
                            + " model ("
                            + (modelsFor(task).isEmpty()
                                    ? "the catalog has none"
                                    : String.join(", ", modelsFor(task)))
                            + ")");
        }
        return models.fetch(name, progress);
    }

    /**
     * A one-class probability-map model (ppocr-det) also detects: each connected region of its map
     * becomes a box, as DBNet's post-processing does.
     */
    private static boolean givesTextBoxes(ModelSpec spec) {
        return spec.task() == ModelTask.SEGMENT
                && spec.decoder() instanceof ProbabilityMapDecoderSpec
                && spec.labels().size() == 1;
    }

    private List<String> modelsFor(ModelTask task) {
        List<String> names = new ArrayList<>();
        for (String n : models.catalog().names()) {
            if (models.catalog().get(n).task() == task) {
                names.add(n);
            }
        }
        return names;
    }

    private int threads(ModelStageSpec stage) {
        return stage.threads() != null ? stage.threads() : defaultThreads;
    }

    /**
     * How a stage's model runs: its threads, backend and precision, and batches as large as the
     * stage's (the validator has checked the backend and precision names).
     */
    private RuntimeOptions runtime(ModelStageSpec stage, BatchOptions batch) {
        RuntimeOptions runtime =
                RuntimeOptions.defaults()
                        .withThreads(threads(stage))
                        .withMaxBatchSize(batch.maxBatchSize());
        if (stage.backend() != null) {
            runtime = runtime.withBackend(byId(Backend.values(), Backend::id, stage.backend()));
        }
        if (stage.precision() != null) {
            runtime =
                    runtime.withPrecision(
                            byId(Precision.values(), Precision::id, stage.precision()));
        }
        return runtime;
    }

    private static <E> E byId(E[] values, java.util.function.Function<E, String> id, String name) {
        for (E value : values) {
            if (id.apply(value).equals(name)) {
                return value;
            }
        }
        throw new IllegalStateException("the validator let '" + name + "' through");
    }

    // --- one method per stage kind: where each task's factory is built ---

    private ModelStage restore(
            String name, RestoreStageSpec spec, FetchedModel model, BatchOptions batch, String at) {
        try {
            RestorerOptions options = RestorerOptions.defaults().withRuntime(runtime(spec, batch));
            if (spec.tile() != null) {
                options = options.withTile(spec.tile());
            }
            if (spec.overlap() != null) {
                options = options.withOverlap(spec.overlap());
            }
            if (spec.gate() != null) {
                options = options.withGate(RestorationGate.noiseAbove(spec.gate()));
            }
            return new RestoreStage(name, new RestorerFactory(model, options), batch);
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }

    private ModelStage segment(
            String name, SegmentStageSpec spec, FetchedModel model, BatchOptions batch, String at) {
        SegmenterOptions options;
        try {
            options = SegmenterOptions.from(model.spec()).withRuntime(runtime(spec, batch));
            if (spec.threshold() != null) {
                options = options.withThreshold(spec.threshold());
            }
            if (spec.minArea() != null) {
                options = options.withMinArea(spec.minArea());
            }
            if (spec.polygons() != null) {
                options = options.withPolygons(spec.polygons());
            }
            if (spec.polygonTolerance() != null) {
                options = options.withPolygonTolerance(spec.polygonTolerance());
            }
            return new SegmentStage(name, new SegmenterFactory(model, options), batch);
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }

    private ModelStage detect(
            String name, DetectStageSpec spec, FetchedModel model, BatchOptions batch, String at) {
        if (givesTextBoxes(model.spec())) {
            return stageOnCrops(name, spec, textBoxes(spec, model, batch, at), batch);
        }
        DetectorOptions options =
                DetectorOptions.from(model.spec().defaults()).withRuntime(runtime(spec, batch));
        try {
            if (spec.threshold() != null) {
                options = options.withScoreThreshold(spec.threshold());
            }
            if (spec.iouThreshold() != null) {
                options = options.withIouThreshold(spec.iouThreshold());
            }
            if (spec.maxDetections() != null) {
                options = options.withMaxDetections(spec.maxDetections());
            }
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
        return stageOnCrops(name, spec, new DetectorFactory(model, options), batch);
    }

    private TextBoxDetectorFactory textBoxes(
            DetectStageSpec spec, FetchedModel model, BatchOptions batch, String at) {
        if (spec.iouThreshold() != null) {
            throw new PipelineSpecException(
                    at
                            + ".iou-threshold: "
                            + model.modelId()
                            + " gives one box per connected text region, so there is nothing to"
                            + " suppress; leave the key out");
        }
        try {
            TextBoxOptions options =
                    TextBoxOptions.from(model.spec()).withRuntime(runtime(spec, batch));
            if (spec.threshold() != null) {
                options = options.withBoxThreshold(spec.threshold());
            }
            if (spec.maxDetections() != null) {
                options = options.withMaxBoxes(spec.maxDetections());
            }
            return new TextBoxDetectorFactory(model, options);
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }

    /** A whole-frame detect stage, or one on crops of an earlier stage's detections. */
    private static DetectStage stageOnCrops(
            String name,
            DetectStageSpec spec,
            PredictorFactory<BgrImage, List<DetectedObject>> detector,
            BatchOptions batch) {
        if (!spec.secondary()) {
            return DetectStage.primary(name, detector, batch);
        }
        return new DetectStage(
                name,
                detector,
                batch,
                Set.copyOf(spec.on()),
                spec.cropPadding() == null ? DetectStage.DEFAULT_CROP_PADDING : spec.cropPadding());
    }

    private static BatchOptions batch(ModelStageSpec stage, String at) {
        BatchOptions defaults = BatchOptions.defaults();
        try {
            return new BatchOptions(
                    stage.batchSize() == null ? defaults.maxBatchSize() : stage.batchSize(),
                    stage.maxDelay() == null ? defaults.maxDelay() : stage.maxDelay().duration(),
                    defaults.maxFailedBatches());
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }
}
