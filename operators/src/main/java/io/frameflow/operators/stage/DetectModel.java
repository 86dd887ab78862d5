package io.frameflow.operators.stage;

import io.frameflow.common.StagedFrame;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import java.util.List;

/** A primary detection stage's model: whole frames in, the result's top-level detections out. */
final class DetectModel extends WholeFrameModel<List<DetectedObject>> {

    DetectModel(Predictor<BgrImage, List<DetectedObject>> predictor) {
        super(predictor);
    }

    @Override
    StagedFrame apply(StagedFrame frame, BgrImage input, List<DetectedObject> found) {
        return frame.detected(
                modelId(),
                Detections.toSource(modelId(), found, 0, 0, frame.scaleX(), frame.scaleY()));
    }
}
