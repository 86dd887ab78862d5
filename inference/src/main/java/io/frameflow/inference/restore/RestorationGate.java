package io.frameflow.inference.restore;

import io.frameflow.inference.api.BgrImage;
import java.io.Serializable;
import java.util.Objects;

/**
 * Decides per frame whether restoring it is worth the model's cost, from a cheap estimate of the
 * frame's noise or blur.
 *
 * @param kind which estimate; {@link GateKind#NONE} restores every frame
 * @param threshold noise: restore above this standard deviation (0..1 units, e.g. 0.03); blur:
 *     restore below this Laplacian variance (0..255 units, e.g. 100); ignored for none
 */
public record RestorationGate(GateKind kind, double threshold) implements Serializable {

    public RestorationGate {
        Objects.requireNonNull(kind, "kind");
        if (kind != GateKind.NONE && !(threshold > 0 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException(
                    "gate threshold: " + threshold + " is not a positive number");
        }
    }

    /** Restore every frame. */
    public static RestorationGate none() {
        return new RestorationGate(GateKind.NONE, 0);
    }

    /**
     * Restore frames whose estimated noise standard deviation (0..1 units) exceeds {@code sigma}.
     */
    public static RestorationGate noiseAbove(double sigma) {
        return new RestorationGate(GateKind.NOISE, sigma);
    }

    /** Restore frames whose Laplacian variance (0..255 units) is below {@code variance}. */
    public static RestorationGate blurBelow(double variance) {
        return new RestorationGate(GateKind.BLUR, variance);
    }

    /** The gate's estimate for {@code image}; NaN for {@link GateKind#NONE}. */
    public double estimate(BgrImage image) {
        return switch (kind) {
            case NONE -> Double.NaN;
            case NOISE -> ImageEstimates.noiseSigma(image);
            case BLUR -> ImageEstimates.laplacianVariance(image);
        };
    }

    /** Whether a frame with this estimate is to be restored. */
    public boolean admits(double estimate) {
        return switch (kind) {
            case NONE -> true;
            case NOISE -> estimate > threshold;
            case BLUR -> estimate < threshold;
        };
    }
}
