package io.frameflow.operators.stage;

import io.frameflow.common.Detection;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.InferenceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a detector's objects (boxes in pixels of the picture it was given) into result detections
 * in pixels of the source frame: {@code source = (picture + offset) * scale}, where the offset is a
 * crop's corner in the stage's picture and the scale maps a restored (e.g. upscaled) picture back
 * to the decoded frame.
 */
final class Detections {

    private static final Comparator<Detection> BEST_FIRST =
            Comparator.comparingDouble(Detection::score).reversed();

    private Detections() {}

    static List<Detection> toSource(
            String modelId,
            List<DetectedObject> objects,
            float offsetX,
            float offsetY,
            float scaleX,
            float scaleY) {
        if (objects == null) {
            throw new InferenceException("model " + modelId + " returned no list for an image");
        }
        List<Detection> detections = new ArrayList<>(objects.size());
        for (DetectedObject o : objects) {
            try {
                detections.add(
                        new Detection(
                                o.label(),
                                o.classId(),
                                o.score(),
                                (o.x1() + offsetX) * scaleX,
                                (o.y1() + offsetY) * scaleY,
                                (o.x2() + offsetX) * scaleX,
                                (o.y2() + offsetY) * scaleY));
            } catch (RuntimeException invalid) {
                throw new InferenceException(
                        "model "
                                + modelId
                                + " returned an invalid detection "
                                + o
                                + ": "
                                + invalid.getMessage(),
                        invalid);
            }
        }
        // Results promise best score first; a stable sort keeps the model's order of ties.
        detections.sort(BEST_FIRST);
        return detections;
    }

    static void checkCount(String modelId, List<?> results, int inputs) {
        if (results == null || results.size() != inputs) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + " returned "
                            + (results == null ? "no list" : results.size() + " results")
                            + " for a batch of "
                            + inputs
                            + " images");
        }
    }
}
