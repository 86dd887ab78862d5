package io.frameflow.operators.stage;

import io.frameflow.common.Outline;
import io.frameflow.common.RunLengthMask;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.SegmentedArea;
import io.frameflow.common.StagedFrame;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Polygon;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.RleMask;
import io.frameflow.inference.api.Segmentation;
import io.frameflow.inference.api.SegmentedClass;
import java.util.ArrayList;
import java.util.List;

/**
 * A segmentation stage's model: per class an area fraction, a run-length mask (its grid covers the
 * whole picture, so it needs no mapping) and outlines, mapped to the source frame's pixels.
 */
final class SegmentModel implements StageModel {

    private final Predictor<BgrImage, Segmentation> predictor;
    private final String modelId;

    SegmentModel(Predictor<BgrImage, Segmentation> predictor) {
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
            images.add(DetectModel.imageOf(frame.image()));
        }
        List<Segmentation> predicted = predictor.predict(images);
        Detections.checkCount(modelId, predicted, frames.size());
        List<StagedFrame> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            StagedFrame frame = frames.get(i);
            out.add(frame.segmented(toSource(predicted.get(i), frame.scaleX(), frame.scaleY())));
        }
        return out;
    }

    private SegmentationResult toSource(Segmentation segmentation, float scaleX, float scaleY) {
        if (segmentation == null) {
            throw new InferenceException("model " + modelId + " returned no result for an image");
        }
        List<SegmentedArea> areas = new ArrayList<>(segmentation.classes().size());
        for (SegmentedClass c : segmentation.classes()) {
            RleMask mask = c.mask();
            List<Outline> outlines = new ArrayList<>(c.polygons().size());
            for (Polygon polygon : c.polygons()) {
                float[] points = polygon.points();
                for (int p = 0; p < points.length; p += 2) {
                    points[p] *= scaleX;
                    points[p + 1] *= scaleY;
                }
                outlines.add(new Outline(points));
            }
            areas.add(
                    new SegmentedArea(
                            c.label(),
                            c.classId(),
                            c.areaFraction(),
                            new RunLengthMask(mask.width(), mask.height(), mask.counts()),
                            outlines));
        }
        return new SegmentationResult(modelId, areas);
    }

    @Override
    public void close() {
        predictor.close();
    }
}
