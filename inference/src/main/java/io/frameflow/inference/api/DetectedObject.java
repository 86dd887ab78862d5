package io.frameflow.inference.api;

/**
 * One object a detector found, with its box in pixels of the image that was passed in (not of the
 * model's input size).
 */
public record DetectedObject(
        int classId, String label, float score, float x1, float y1, float x2, float y2) {

    /** Intersection over union of the two boxes, in [0, 1]; 0 when either box is empty. */
    public double iou(DetectedObject other) {
        double w = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        double h = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        double union =
                (double) (x2 - x1) * (y2 - y1)
                        + (double) (other.x2 - other.x1) * (other.y2 - other.y1)
                        - intersection;
        return intersection / union;
    }
}
