package io.frameflow.inference.segment;

import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ProbabilityMapDecoderSpec;
import java.io.Serializable;
import java.util.Objects;

/**
 * Post-processing and runtime settings of a segmenter, validated on construction.
 *
 * @param threshold a cell belongs to a class when its probability is at least this, in (0, 1]
 * @param minArea connected regions smaller than this many pixels of the picture get no polygon
 *     (they still count in the area fraction and the mask); 0 keeps all
 * @param polygonTolerance how far, in cells of the model's output map, a simplified outline may
 *     stray from the traced one (Douglas–Peucker); 0 keeps every corner
 * @param polygons whether to trace outlines at all; without them results carry the area and the
 *     mask only, and no region is traced
 * @param runtime backend, precision, threads and batch size
 */
public record SegmenterOptions(
        double threshold,
        double minArea,
        double polygonTolerance,
        boolean polygons,
        RuntimeOptions runtime)
        implements Serializable {

    /** Regions below this many picture pixels get no polygon unless the pipeline says otherwise. */
    public static final double DEFAULT_MIN_AREA = 64;

    /** One cell of the model's map. */
    public static final double DEFAULT_POLYGON_TOLERANCE = 1.0;

    public SegmenterOptions {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold: " + threshold + " is not in (0, 1]");
        }
        if (!(minArea >= 0) || Double.isInfinite(minArea)) {
            throw new IllegalArgumentException(
                    "min-area: " + minArea + " is not a non-negative number of pixels");
        }
        if (!(polygonTolerance >= 0) || Double.isInfinite(polygonTolerance)) {
            throw new IllegalArgumentException(
                    "polygon-tolerance: " + polygonTolerance + " is not a non-negative number");
        }
        Objects.requireNonNull(runtime, "runtime");
    }

    /** The model's threshold with the default minimum area, tolerance and runtime options. */
    public static SegmenterOptions from(ModelSpec spec) {
        double threshold =
                spec.decoder() instanceof ProbabilityMapDecoderSpec map ? map.threshold() : 0.5;
        return new SegmenterOptions(
                threshold,
                DEFAULT_MIN_AREA,
                DEFAULT_POLYGON_TOLERANCE,
                true,
                RuntimeOptions.defaults());
    }

    public SegmenterOptions withThreshold(double value) {
        return new SegmenterOptions(value, minArea, polygonTolerance, polygons, runtime);
    }

    public SegmenterOptions withMinArea(double value) {
        return new SegmenterOptions(threshold, value, polygonTolerance, polygons, runtime);
    }

    public SegmenterOptions withPolygonTolerance(double value) {
        return new SegmenterOptions(threshold, minArea, value, polygons, runtime);
    }

    public SegmenterOptions withPolygons(boolean value) {
        return new SegmenterOptions(threshold, minArea, polygonTolerance, value, runtime);
    }

    public SegmenterOptions withRuntime(RuntimeOptions value) {
        return new SegmenterOptions(threshold, minArea, polygonTolerance, polygons, value);
    }
}
