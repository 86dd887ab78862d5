package io.frameflow.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.runtime.Translator;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxPredictorTest {
    private static final OnnxSessionOptions ONE_THREAD =
            OnnxSessionOptions.defaults().withIntraOpThreads(1);

    @TempDir Path dir;

    /** Feeds three floats and reads back y and z as {@code [y0, y1, y2, z0, z1, z2]}. */
    private static final class VectorTranslator implements Translator<float[], float[]> {
        private final List<String> outputs;

        VectorTranslator(String... outputs) {
            this.outputs = List.of(outputs);
        }

        @Override
        public String inputName() {
            return "x";
        }

        @Override
        public List<String> outputNames() {
            return outputs;
        }

        @Override
        public void check(ModelSignature signature) {
            assertThat(signature.input("x")).containsExactly(3);
        }

        @Override
        public void preprocess(float[] input, FloatBuffer target) {
            target.put(0, input);
        }

        @Override
        public float[] postprocess(float[] input, ItemOutputs outputs) {
            float[] result = new float[3 * this.outputs.size()];
            for (int o = 0; o < this.outputs.size(); o++) {
                outputs.get(this.outputs.get(o)).get(0, result, 3 * o, 3);
            }
            return result;
        }
    }

    private static final List<float[]> INPUTS =
            List.of(new float[] {0, 0, 0}, new float[] {1, 1, 1}, new float[] {-1, 5, 0.5f});

    private static void assertAddAndDouble(List<float[]> results) {
        assertThat(results).hasSize(3);
        assertThat(results.get(0)).containsExactly(1, 2, 3, 0, 0, 0);
        assertThat(results.get(1)).containsExactly(2, 3, 4, 2, 2, 2);
        assertThat(results.get(2)).containsExactly(0, 7, 3.5f, -2, 10, 1);
    }

    @Test
    void runsAFixedBatchOfOneItemByItem() throws IOException {
        Path model = TinyOnnxModels.addAndDouble(dir, 1);
        try (OnnxPredictor<float[], float[]> predictor =
                OnnxPredictor.load(
                        "tiny@1", model, ONE_THREAD, 8, new VectorTranslator("y", "z"))) {
            assertAddAndDouble(predictor.predict(INPUTS));
            assertThat(predictor.batchCapacity()).isEqualTo(1);
            assertThat(predictor.runs()).isEqualTo(3);
            // Buffers are reused: a second call must not see the first call's values.
            assertThat(predictor.predict(new float[] {10, 20, 30}))
                    .containsExactly(11, 22, 33, 20, 40, 60);
        }
    }

    @Test
    void stacksItemsForADynamicBatch() throws IOException {
        Path model = TinyOnnxModels.addAndDouble(dir, 0);
        try (OnnxPredictor<float[], float[]> predictor =
                OnnxPredictor.load(
                        "tiny@1", model, ONE_THREAD, 2, new VectorTranslator("y", "z"))) {
            assertAddAndDouble(predictor.predict(INPUTS));
            assertThat(predictor.runs()).isEqualTo(2); // [2 items] + [1 item]
            assertAddAndDouble(predictor.predict(INPUTS));
            assertThat(predictor.runs()).isEqualTo(4);
        }
    }

    @Test
    void padsALastPartialChunkOfAFixedBatch() throws IOException {
        Path model = TinyOnnxModels.addAndDouble(dir, 2);
        try (OnnxPredictor<float[], float[]> predictor =
                OnnxPredictor.load(
                        "tiny@1", model, ONE_THREAD, 8, new VectorTranslator("y", "z"))) {
            assertAddAndDouble(predictor.predict(INPUTS));
            assertThat(predictor.runs()).isEqualTo(2);
        }
    }

    @Test
    void readsOnlyTheOutputsTheTranslatorNames() throws IOException {
        Path model = TinyOnnxModels.addAndDouble(dir, 1);
        try (OnnxPredictor<float[], float[]> predictor =
                OnnxPredictor.load("tiny@1", model, ONE_THREAD, 1, new VectorTranslator("z"))) {
            assertThat(predictor.predict(new float[] {1, 2, 3})).containsExactly(2, 4, 6);
        }
    }

    @Test
    void namesTheModelAndFileWhenLoadingFails() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.onnx"), "not a model");

        assertThatThrownBy(
                        () ->
                                OnnxPredictor.load(
                                        "tiny@1",
                                        garbage,
                                        ONE_THREAD,
                                        1,
                                        new VectorTranslator("y")))
                .isInstanceOf(InferenceException.class)
                .hasMessageStartingWith("failed to load model tiny@1 from " + garbage + ": ");
        Path missing = dir.resolve("missing.onnx");
        assertThatThrownBy(
                        () ->
                                OnnxPredictor.load(
                                        "tiny@1",
                                        missing,
                                        ONE_THREAD,
                                        1,
                                        new VectorTranslator("y")))
                .isInstanceOf(InferenceException.class)
                .hasMessage("failed to load model tiny@1 from " + missing + ": no such file");
    }

    @Test
    void rejectsATranslatorThatReadsAnOutputTheModelLacks() throws IOException {
        Path model = TinyOnnxModels.addAndDouble(dir, 1);

        assertThatThrownBy(
                        () ->
                                OnnxPredictor.load(
                                        "tiny@1",
                                        model,
                                        ONE_THREAD,
                                        1,
                                        new VectorTranslator("boxes")))
                .isInstanceOf(InferenceException.class)
                .hasMessage(
                        "model tiny@1 ("
                                + model
                                + ") has no float output 'boxes'; its float outputs: [y, z]");
    }

    @Test
    void rejectsInvalidSessionOptions() {
        assertThatThrownBy(
                        () ->
                                new OnnxSessionOptions(
                                        0, 1, OnnxSessionOptions.GraphOptimization.ALL, true))
                .hasMessage("intra-op-threads: 0 is not a positive integer");
        assertThatThrownBy(
                        () ->
                                OnnxPredictor.load(
                                        "tiny@1", dir, ONE_THREAD, 0, new VectorTranslator("y")))
                .hasMessage("max-batch-size: 0 is not a positive integer");
    }

    @Test
    void aClosedPredictorRefusesWork() throws IOException {
        Path model = TinyOnnxModels.addAndDouble(dir, 1);
        OnnxPredictor<float[], float[]> predictor =
                OnnxPredictor.load("tiny@1", model, ONE_THREAD, 1, new VectorTranslator("y"));
        predictor.close();
        predictor.close(); // idempotent

        assertThatThrownBy(() -> predictor.predict(new float[] {1, 2, 3}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("predictor for tiny@1 is closed");
    }
}
