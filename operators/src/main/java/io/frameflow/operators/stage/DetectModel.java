package io.frameflow.operators.stage;

import io.frameflow.common.StagedFrame;
import io.frameflow.common.VideoFrame;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import java.util.ArrayList;
import java.util.List;

/** A primary detection stage's model: whole frames in, the result's top-level detections out. */
final class DetectModel implements StageModel {

    private final Predictor<BgrImage, List<DetectedObject>> predictor;
    private final String modelId;

    DetectModel(Predictor<BgrImage, List<DetectedObject>> predictor) {
        this.predictor = predictor;
        this.modelId = predictor.modelId();
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public List<StagedFrame> run(List<StagedFrame> frames) {
        List<BgrImage> images = new ArrayList<>(frames.size());
        for (StagedFrame frame : frames) {
            images.add(imageOf(frame.image()));
        }
        List<List<DetectedObject>> predicted = predictor.predict(images);
        Detections.checkCount(modelId, predicted, frames.size());
        List<StagedFrame> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            StagedFrame frame = frames.get(i);
            out.add(
                    frame.detected(
                            modelId,
                            Detections.toSource(
                                    modelId,
                                    predicted.get(i),
                                    0,
                                    0,
                                    frame.scaleX(),
                                    frame.scaleY())));
        }
        return out;
    }

    /** The frame's pixels as the model's input, without a copy. */
    static BgrImage imageOf(VideoFrame frame) {
        return new BgrImage(frame.width(), frame.height(), frame.bgr());
    }

    @Override
    public void close() {
        predictor.close();
    }
}
