package io.frameflow.inference.segment;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Text boxes from a DBNet probability map (PP-OCR det): the map is thresholded, each 8-connected
 * region becomes one axis-aligned box scored by the mean probability inside the region, boxes that
 * score too low or are too small are dropped, and the rest grow by DBNet's unclip distance ({@code
 * area * ratio / perimeter}) and are scaled to the picture's pixels, clipped to it. Largest regions
 * first. The model's single label (e.g. {@code text}) names every box.
 */
public final class DbTextBoxTranslator extends ProbabilityMapModel<List<DetectedObject>> {
    private final TextBoxOptions options;
    private final ConnectedRegions regions = new ConnectedRegions();

    public DbTextBoxTranslator(ModelSpec spec, TextBoxOptions options) {
        super(spec);
        this.options = options;
        if (classes() != 1) {
            throw new IllegalArgumentException(
                    "model "
                            + spec.modelId()
                            + " has "
                            + classes()
                            + " labels "
                            + spec.labels()
                            + "; text boxes need a one-class probability map");
        }
    }

    @Override
    public List<DetectedObject> postprocess(BgrImage input, ItemOutputs outputs) {
        int width = mapWidth();
        int height = mapHeight();
        threshold(outputs, 0, (float) options.threshold());
        List<ConnectedRegions.Region> found = regions.label(mask(), width, height);
        float[] scoreSums = regionScoreSums(found.size());
        String label = spec().labels().get(0);
        float scaleX = (float) input.width() / width;
        float scaleY = (float) input.height() / height;
        List<DetectedObject> boxes = new ArrayList<>();
        for (ConnectedRegions.Region region : found) {
            if (boxes.size() == options.maxBoxes()) {
                break;
            }
            float boxWidth = region.maxX() - region.minX() + 1;
            float boxHeight = region.maxY() - region.minY() + 1;
            float score = scoreSums[region.label()] / region.area();
            if (Math.min(boxWidth, boxHeight) < options.minSize()
                    || score < options.boxThreshold()) {
                continue;
            }
            float grow =
                    (float)
                            (boxWidth
                                    * boxHeight
                                    * options.unclipRatio()
                                    / (2 * (boxWidth + boxHeight)));
            boxes.add(
                    new DetectedObject(
                            0,
                            label,
                            score,
                            clip((region.minX() - grow) * scaleX, input.width()),
                            clip((region.minY() - grow) * scaleY, input.height()),
                            clip((region.maxX() + 1 + grow) * scaleX, input.width()),
                            clip((region.maxY() + 1 + grow) * scaleY, input.height())));
        }
        return boxes;
    }

    /** Sum of probabilities per region label (index 0 unused). */
    private float[] regionScoreSums(int count) {
        float[] sums = new float[count + 1];
        int[] labels = regions.labels();
        float[] probabilities = probabilities();
        for (int i = 0; i < probabilities.length; i++) {
            if (labels[i] != 0) {
                sums[labels[i]] += probabilities[i];
            }
        }
        return sums;
    }

    private static float clip(float value, int size) {
        return Math.max(0, Math.min(size, value));
    }
}
