package io.frameflow.inference.restore;

import io.frameflow.inference.runtime.RuntimeOptions;
import java.io.Serializable;
import java.util.Objects;

/**
 * Settings of a restoration stage, validated on construction.
 *
 * @param tile side of the square tiles a frame is cut into (pipeline key {@code tile}); the model
 *     runs on batches of tiles of this size, so a frame must be at least this large
 * @param overlap pixels of context kept between a tile's edge and any pixel it contributes
 *     (pipeline key {@code overlap}); neighbouring tiles share at least twice this. It should cover
 *     the model's receptive field (7 for waifu2x vgg_7, 18 for realesr-animevideov3; beyond about
 *     10 the difference to an untiled run is below one grey level)
 * @param gate which frames to restore (pipeline key {@code gate})
 * @param runtime backend, precision, threads and tiles per model run
 */
public record RestorerOptions(int tile, int overlap, RestorationGate gate, RuntimeOptions runtime)
        implements Serializable {
    /** Default tile side. */
    public static final int DEFAULT_TILE = 256;

    /** Default overlap. */
    public static final int DEFAULT_OVERLAP = 16;

    /** The smallest tile: waifu2x's reflect padding needs more than 7 pixels. */
    public static final int MIN_TILE = 16;

    public RestorerOptions {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(runtime, "runtime");
        if (tile < MIN_TILE) {
            throw new IllegalArgumentException(
                    "tile: " + tile + " is too small; use at least " + MIN_TILE);
        }
        if (overlap < 0 || 2 * overlap >= tile) {
            throw new IllegalArgumentException(
                    "overlap: "
                            + overlap
                            + " is not valid for tile "
                            + tile
                            + "; expected 0 <= overlap < tile / 2");
        }
    }

    /** 256-pixel tiles, 16 pixels of overlap, no gate, default runtime. */
    public static RestorerOptions defaults() {
        return new RestorerOptions(
                DEFAULT_TILE, DEFAULT_OVERLAP, RestorationGate.none(), RuntimeOptions.defaults());
    }

    public RestorerOptions withTile(int value) {
        return new RestorerOptions(value, overlap, gate, runtime);
    }

    public RestorerOptions withOverlap(int value) {
        return new RestorerOptions(tile, value, gate, runtime);
    }

    public RestorerOptions withGate(RestorationGate value) {
        return new RestorerOptions(tile, overlap, value, runtime);
    }

    public RestorerOptions withRuntime(RuntimeOptions value) {
        return new RestorerOptions(tile, overlap, gate, value);
    }
}
