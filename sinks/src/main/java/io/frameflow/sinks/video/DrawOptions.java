package io.frameflow.sinks.video;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What the annotated-video sink draws onto each picture. In pipeline files {@code draw} is the list
 * of the things to draw, e.g. {@code draw: [boxes, labels, track-ids]}; left out, everything is
 * drawn.
 *
 * @param boxes detection boxes, outlined in their class's colour
 * @param labels the class name above each box
 * @param scores the detection score (two decimals) after the label
 * @param trackIds {@code #<track id>} of tracked detections
 * @param children the boxes a secondary detection stage found inside each detection (faces inside
 *     persons), thinner, with their own labels
 * @param masks segmentation masks as a translucent overlay in their class's colour
 * @param polygons the outlines of the segmented regions
 * @param maskOpacity how much a mask covers the picture, in (0, 1]; key {@value #MASK_OPACITY}
 */
public record DrawOptions(
        boolean boxes,
        boolean labels,
        boolean scores,
        boolean trackIds,
        boolean children,
        boolean masks,
        boolean polygons,
        double maskOpacity)
        implements Serializable {

    public static final String BOXES = "boxes";
    public static final String LABELS = "labels";
    public static final String SCORES = "scores";
    public static final String TRACK_IDS = "track-ids";
    public static final String CHILDREN = "children";
    public static final String MASKS = "masks";
    public static final String POLYGONS = "polygons";

    /** Key of {@link #maskOpacity()}, beside {@code draw} in pipeline files. */
    public static final String MASK_OPACITY = "mask-opacity";

    /** The names {@code draw} accepts, in the order they are listed to users. */
    public static final List<String> NAMES =
            List.of(BOXES, LABELS, SCORES, TRACK_IDS, CHILDREN, MASKS, POLYGONS);

    public static final double DEFAULT_MASK_OPACITY = 0.4;

    private static final long serialVersionUID = 1L;

    public DrawOptions {
        if (!(maskOpacity > 0 && maskOpacity <= 1)) {
            throw new IllegalArgumentException(
                    "video sink option '"
                            + MASK_OPACITY
                            + "' must be above 0 and at most 1, got "
                            + maskOpacity);
        }
    }

    /** Everything, masks at {@value #DEFAULT_MASK_OPACITY} opacity. */
    public static DrawOptions all() {
        return new DrawOptions(true, true, true, true, true, true, true, DEFAULT_MASK_OPACITY);
    }

    /** Nothing: the video shows the pictures as decoded. */
    public static DrawOptions none() {
        return new DrawOptions(false, false, false, false, false, false, false, 1.0);
    }

    /**
     * Only the things named in {@code names} (see {@link #NAMES}).
     *
     * @throws IllegalArgumentException for an unknown name, naming the key {@value
     *     VideoSinkOptions#DRAW} and the valid names
     */
    public static DrawOptions only(Collection<String> names) {
        boolean[] on = new boolean[NAMES.size()];
        for (String name : names) {
            int i = name == null ? -1 : NAMES.indexOf(name.strip().toLowerCase(Locale.ROOT));
            if (i < 0) {
                throw new IllegalArgumentException(
                        "video sink option '"
                                + VideoSinkOptions.DRAW
                                + "' has unknown item '"
                                + name
                                + "'; expected any of "
                                + String.join(", ", NAMES));
            }
            on[i] = true;
        }
        return new DrawOptions(
                on[0], on[1], on[2], on[3], on[4], on[5], on[6], DEFAULT_MASK_OPACITY);
    }

    public DrawOptions withMaskOpacity(double value) {
        return new DrawOptions(boxes, labels, scores, trackIds, children, masks, polygons, value);
    }

    /** Whether anything is drawn at all; when not, pictures are encoded as they are. */
    public boolean any() {
        return boxes || labels || scores || trackIds || children || masks || polygons;
    }

    /** Whether a detection gets a text tag (label, score or track id). */
    boolean anyText() {
        return labels || scores || trackIds;
    }
}
