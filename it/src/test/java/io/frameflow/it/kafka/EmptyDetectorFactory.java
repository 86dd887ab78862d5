package io.frameflow.it.kafka;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A detector that finds nothing: for tests of delivery, where the model is not what is tested and
 * one result per frame is all that counts.
 */
final class EmptyDetectorFactory implements PredictorFactory<BgrImage, List<DetectedObject>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Predictor<BgrImage, List<DetectedObject>> create() {
        return new Predictor<>() {
            @Override
            public List<List<DetectedObject>> predict(List<BgrImage> images) {
                List<List<DetectedObject>> out = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    out.add(List.of());
                }
                return out;
            }

            @Override
            public String modelId() {
                return "empty@1";
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public String modelId() {
        return "empty@1";
    }
}
