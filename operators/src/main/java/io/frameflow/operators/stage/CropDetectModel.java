package io.frameflow.operators.stage;

import io.frameflow.common.Detection;
import io.frameflow.common.StagedFrame;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A secondary detection stage's model: crops the primary detections whose label is in {@code on}
 * out of the stage's picture, runs the model on the crops of the whole batch of frames together,
 * and nests what it finds under each parent, in source-frame pixels.
 */
final class CropDetectModel implements StageModel {

    private final Predictor<BgrImage, List<DetectedObject>> predictor;
    private final String modelId;
    private final Set<String> on;
    private final double padding;
    private final int maxCropsPerCall;

    CropDetectModel(
            Predictor<BgrImage, List<DetectedObject>> predictor,
            Set<String> on,
            double padding,
            int maxCropsPerCall) {
        this.predictor = predictor;
        this.modelId = predictor.modelId();
        this.on = on;
        this.padding = padding;
        this.maxCropsPerCall = maxCropsPerCall;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    /** The crops of one frame: for each parent detection, its crop or null. */
    private record FrameCrops(StagedFrame frame, List<Crop> crops) {}

    @Override
    public List<StagedFrame> run(List<StagedFrame> frames) {
        List<FrameCrops> perFrame = new ArrayList<>(frames.size());
        List<BgrImage> images = new ArrayList<>();
        for (StagedFrame frame : frames) {
            FrameCrops crops = cropsOf(frame);
            perFrame.add(crops);
            for (Crop crop : crops.crops()) {
                if (crop != null) {
                    images.add(crop.cut(frame.image()));
                }
            }
        }
        List<List<DetectedObject>> found = predict(images);
        List<StagedFrame> out = new ArrayList<>(frames.size());
        int next = 0;
        for (FrameCrops crops : perFrame) {
            StagedFrame frame = crops.frame();
            List<Detection> parents = frame.detections();
            List<Detection> nested = new ArrayList<>(parents.size());
            for (int p = 0; p < parents.size(); p++) {
                Crop crop = crops.crops().get(p);
                if (crop == null) {
                    nested.add(parents.get(p));
                    continue;
                }
                List<Detection> children =
                        Detections.toSource(
                                modelId,
                                found.get(next++),
                                crop.left(),
                                crop.top(),
                                frame.scaleX(),
                                frame.scaleY());
                nested.add(parents.get(p).withMoreChildren(children));
            }
            out.add(frame.detected(modelId, nested));
        }
        return out;
    }

    private FrameCrops cropsOf(StagedFrame frame) {
        if (frame.detections() == null) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + " runs on crops of detections, but frame "
                            + frame.source()
                            + " passed no detection stage before it");
        }
        List<Crop> crops = new ArrayList<>(frame.detections().size());
        for (Detection parent : frame.detections()) {
            crops.add(
                    on.contains(parent.label())
                            ? Crop.around(
                                    parent, padding, frame.image(), frame.scaleX(), frame.scaleY())
                            : null);
        }
        return new FrameCrops(frame, crops);
    }

    private List<List<DetectedObject>> predict(List<BgrImage> crops) {
        List<List<DetectedObject>> found = new ArrayList<>(crops.size());
        for (int from = 0; from < crops.size(); from += maxCropsPerCall) {
            List<BgrImage> chunk =
                    crops.subList(from, Math.min(crops.size(), from + maxCropsPerCall));
            List<List<DetectedObject>> results = predictor.predict(chunk);
            Detections.checkCount(modelId, results, chunk.size());
            found.addAll(results);
        }
        return found;
    }

    @Override
    public void close() {
        predictor.close();
    }
}
