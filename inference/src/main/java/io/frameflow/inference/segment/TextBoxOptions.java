package io.frameflow.inference.segment;

import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ProbabilityMapDecoderSpec;
import java.io.Serializable;
import java.util.Objects;

/**
 * Settings of DBNet-style text boxes, validated on construction.
 *
 * @param threshold a cell is text when its probability is at least this, in (0, 1]
 * @param boxThreshold keep a region whose mean probability is at least this, in (0, 1]
 * @param unclipRatio how far a box grows beyond its region: each side moves out by {@code area *
 *     ratio / perimeter} of the region's box, as DBNet's unclip does; 0 keeps the tight box
 * @param minSize drop regions whose box is narrower or lower than this many map cells
 * @param maxBoxes at most this many boxes per picture, largest regions first
 * @param runtime backend, precision, threads and batch size
 */
public record TextBoxOptions(
        double threshold,
        double boxThreshold,
        double unclipRatio,
        int minSize,
        int maxBoxes,
        RuntimeOptions runtime)
        implements Serializable {

    /** DBNet's usual unclip ratio. */
    public static final double DEFAULT_UNCLIP_RATIO = 1.5;

    /** DBNet's usual minimum box side, in map cells. */
    public static final int DEFAULT_MIN_SIZE = 3;

    public TextBoxOptions {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold: " + threshold + " is not in (0, 1]");
        }
        if (!(boxThreshold > 0 && boxThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "box-threshold: " + boxThreshold + " is not in (0, 1]");
        }
        if (!(unclipRatio >= 0) || Double.isInfinite(unclipRatio)) {
            throw new IllegalArgumentException(
                    "unclip-ratio: " + unclipRatio + " is not a non-negative number");
        }
        if (minSize < 1) {
            throw new IllegalArgumentException(
                    "min-size: " + minSize + " is not a positive integer");
        }
        if (maxBoxes < 1) {
            throw new IllegalArgumentException(
                    "max-boxes: " + maxBoxes + " is not a positive integer");
        }
        Objects.requireNonNull(runtime, "runtime");
    }

    /**
     * The model's thresholds: the decoder's threshold for cells, the spec's default score threshold
     * for boxes and its maximum number of detections.
     */
    public static TextBoxOptions from(ModelSpec spec) {
        double threshold =
                spec.decoder() instanceof ProbabilityMapDecoderSpec map ? map.threshold() : 0.3;
        return new TextBoxOptions(
                threshold,
                spec.defaults().scoreThreshold(),
                DEFAULT_UNCLIP_RATIO,
                DEFAULT_MIN_SIZE,
                spec.defaults().maxDetections(),
                RuntimeOptions.defaults());
    }

    public TextBoxOptions withThreshold(double value) {
        return new TextBoxOptions(value, boxThreshold, unclipRatio, minSize, maxBoxes, runtime);
    }

    public TextBoxOptions withMaxBoxes(int value) {
        return new TextBoxOptions(threshold, boxThreshold, unclipRatio, minSize, value, runtime);
    }

    public TextBoxOptions withBoxThreshold(double value) {
        return new TextBoxOptions(threshold, value, unclipRatio, minSize, maxBoxes, runtime);
    }

    public TextBoxOptions withUnclipRatio(double value) {
        return new TextBoxOptions(threshold, boxThreshold, value, minSize, maxBoxes, runtime);
    }

    public TextBoxOptions withRuntime(RuntimeOptions value) {
        return new TextBoxOptions(threshold, boxThreshold, unclipRatio, minSize, maxBoxes, value);
    }
}
