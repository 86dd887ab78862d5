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
final class SegmentModel extends WholeFrameModel<Segmentation> {

    SegmentModel(Predictor<BgrImage, Segmentation> predictor) {
        super(predictor);
    }

    @Override
    StagedFrame apply(StagedFrame frame, BgrImage input, Segmentation segmentation) {
        return frame.segmented(toSource(segmentation, frame.scaleX(), frame.scaleY()));
    }

    private SegmentationResult toSource(Segmentation segmentation, float scaleX, float scaleY) {
        if (segmentation == null) {
            throw new InferenceException("model " + modelId() + " returned no result for an image");
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
        return new SegmentationResult(modelId(), areas);
    }
}
