package io.frameflow.common;

import java.util.List;
import java.util.Objects;

/**
 * One detected object in a frame.
 *
 * @param label class name from the model's label list, e.g. {@code "person"}
 * @param classId index of the label in the model's label list
 * @param score confidence in [0, 1]
 * @param x1 left edge, in pixels of the source frame
 * @param y1 top edge, in pixels of the source frame
 * @param x2 right edge, in pixels of the source frame
 * @param y2 bottom edge, in pixels of the source frame
 * @param children what a secondary detection stage found inside this object's box (e.g. faces
 *     inside a person), best score first, with boxes in pixels of the source frame; empty when none
 * @param trackId the id the tracker gave this object, stable across the stream's frames (positive,
 *     unique per stream); {@link #NO_TRACK} when untracked (no tracker, a secondary detection, or a
 *     detection the tracker did not confirm)
 */
public record Detection(
        String label,
        int classId,
        float score,
        float x1,
        float y1,
        float x2,
        float y2,
        List<Detection> children,
        long trackId) {

    /** {@link #trackId()} of a detection that belongs to no track. */
    public static final long NO_TRACK = 0L;

    public Detection {
        Objects.requireNonNull(label, "label");
        children = List.copyOf(children);
        if (trackId < 0) {
            throw new IllegalArgumentException("trackId must be >= 0, got " + trackId);
        }
        if (!(score >= 0f && score <= 1f)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
        if (!(x2 >= x1 && y2 >= y1)) {
            throw new IllegalArgumentException(
                    "box must have x2 >= x1 and y2 >= y1, got ["
                            + x1
                            + ", "
                            + y1
                            + ", "
                            + x2
                            + ", "
                            + y2
                            + "]");
        }
    }

    /** An untracked detection. */
    public Detection(
            String label,
            int classId,
            float score,
            float x1,
            float y1,
            float x2,
            float y2,
            List<Detection> children) {
        this(label, classId, score, x1, y1, x2, y2, children, NO_TRACK);
    }

    /** An untracked detection without children. */
    public Detection(
            String label, int classId, float score, float x1, float y1, float x2, float y2) {
        this(label, classId, score, x1, y1, x2, y2, List.of(), NO_TRACK);
    }

    /** Whether the tracker gave this detection a track. */
    public boolean tracked() {
        return trackId != NO_TRACK;
    }

    /** This detection with track id {@code id} ({@link #NO_TRACK} for none). */
    public Detection withTrackId(long id) {
        return id == trackId
                ? this
                : new Detection(label, classId, score, x1, y1, x2, y2, children, id);
    }

    /** This detection with {@code more} appended to its children. */
    public Detection withMoreChildren(List<Detection> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Detection> all = new java.util.ArrayList<>(children.size() + more.size());
        all.addAll(children);
        all.addAll(more);
        return new Detection(label, classId, score, x1, y1, x2, y2, all, trackId);
    }
}
