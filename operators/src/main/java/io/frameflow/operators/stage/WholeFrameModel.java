package io.frameflow.operators.stage;

import io.frameflow.common.StagedFrame;
import io.frameflow.common.VideoFrame;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.Predictor;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage model that runs its predictor on the staged frames' whole pictures, as one batch, and
 * folds each picture's result into its frame. Owns the predictor.
 *
 * @param <R> what the predictor returns for one picture
 */
abstract class WholeFrameModel<R> implements StageModel {

    private final Predictor<BgrImage, R> predictor;
    private final String modelId;

    WholeFrameModel(Predictor<BgrImage, R> predictor) {
        this.predictor = predictor;
        this.modelId = predictor.modelId();
    }

    @Override
    public final String modelId() {
        return modelId;
    }

    @Override
    public final List<StagedFrame> run(List<StagedFrame> frames) {
        List<BgrImage> images = new ArrayList<>(frames.size());
        for (StagedFrame frame : frames) {
            images.add(imageOf(frame.image()));
        }
        List<R> predicted = predictor.predict(images);
        Detections.checkCount(modelId, predicted, frames.size());
        List<StagedFrame> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            out.add(apply(frames.get(i), images.get(i), predicted.get(i)));
        }
        return out;
    }

    /**
     * The frame with this stage's result for it.
     *
     * @param input the picture the predictor was given (the frame's current image, not copied)
     * @param result what the predictor returned for it, possibly null (invalid)
     * @throws RuntimeException if the result is invalid
     */
    abstract StagedFrame apply(StagedFrame frame, BgrImage input, R result);

    /** The frame's pixels as a model's input, without a copy. */
    static BgrImage imageOf(VideoFrame frame) {
        return new BgrImage(frame.width(), frame.height(), frame.bgr());
    }

    @Override
    public final void close() {
        predictor.close();
    }
}
