package io.frameflow.jobs.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.detect.DetectorFactory;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.inference.runtime.Backend;
import io.frameflow.inference.runtime.Precision;
import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.jobs.spec.PipelineSpec;
import io.frameflow.jobs.spec.PipelineSpecException;
import io.frameflow.jobs.spec.PipelineSpecParser;
import io.frameflow.operators.stage.DetectStage;
import io.frameflow.operators.stage.ModelStage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage's model must be a catalog model of the stage's task, found before anything is fetched; a
 * stage's runtime keys (threads, backend, precision, batch size) reach its predictor factory.
 */
class StageResolverTest {
    @TempDir Path dir;

    private String error(String stages) {
        PipelineSpec spec =
                PipelineSpecParser.parse(
                        "name: t\nsources:\n  - uri: a.mp4\nstages:\n"
                                + stages
                                + "sinks:\n  - jsonl: { path: out/ }\n",
                        "p.yaml");
        // an empty cache: a model of the right task would have to be downloaded, so every error
        // below must come before any fetch
        ModelStore store =
                new ModelStore(ModelCatalog.builtIn(), FrameflowCache.at(dir.resolve("cache")));
        StageResolver resolver = new StageResolver(store, ProgressListener.NONE, "p.yaml", 1);
        return assertThatThrownBy(() -> resolver.resolve(spec.stages()))
                .isInstanceOf(PipelineSpecException.class)
                .actual()
                .getMessage();
    }

    @Test
    void aDetectModelInARestoreStageIsNamedWithTheModelsThatFit() {
        org.assertj.core.api.Assertions.assertThat(error("  - restore: { model: nanodet-coco }\n"))
                .startsWith(
                        "p.yaml: stages[0].restore.model: 'nanodet-coco' is a detect model; a"
                                + " restore stage needs a restore model (");
    }

    @Test
    void aDetectStageRunsItsModelWithTheStagesRuntimeSettings() {
        PipelineSpec spec =
                PipelineSpecParser.parse(
                        "name: t\nsources:\n  - uri: a.mp4\nstages:\n"
                                + "  - detect: { model: blazeface, threshold: 0.7, backend:"
                                + " onnxruntime, precision: fp16, threads: 2, batch-size: 16 }\n"
                                + "sinks:\n  - jsonl: { path: out/ }\n",
                        "p.yaml");
        ModelStore store = new ModelStore(ModelCatalog.builtIn(), FrameflowCache.fromEnvironment());

        List<ModelStage> stages =
                new StageResolver(store, ProgressListener.NONE, "p.yaml", 1).resolve(spec.stages());

        DetectorFactory detector = (DetectorFactory) ((DetectStage) stages.get(0)).detector();
        assertThat(detector.modelId()).isEqualTo("blazeface@1.2.0");
        assertThat(detector.options().scoreThreshold()).isEqualTo(0.7);
        assertThat(detector.options().runtime())
                .isEqualTo(new RuntimeOptions(Backend.ONNXRUNTIME, Precision.FP16, 2, 16));
    }

    @Test
    void anUnknownModelListsTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThat(error("  - segment: { model: selfie }\n"))
                .startsWith("p.yaml: stages[0].segment.model: unknown model 'selfie'");
    }
}
