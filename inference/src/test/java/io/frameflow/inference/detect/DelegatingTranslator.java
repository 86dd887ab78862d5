package io.frameflow.inference.detect;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.runtime.Translator;
import java.nio.FloatBuffer;
import java.util.List;

/** Delegates every step to a detector translator, so that a benchmark can override one step. */
class DelegatingTranslator implements Translator<BgrImage, List<DetectedObject>> {
    private final Translator<BgrImage, List<DetectedObject>> inner;

    DelegatingTranslator(Translator<BgrImage, List<DetectedObject>> inner) {
        this.inner = inner;
    }

    @Override
    public String inputName() {
        return inner.inputName();
    }

    @Override
    public List<String> outputNames() {
        return inner.outputNames();
    }

    @Override
    public void check(ModelSignature signature) {
        inner.check(signature);
    }

    @Override
    public void preprocess(BgrImage input, FloatBuffer target) {
        inner.preprocess(input, target);
    }

    @Override
    public List<DetectedObject> postprocess(BgrImage input, ItemOutputs outputs) {
        return inner.postprocess(input, outputs);
    }
}
