package io.frameflow.inference.segment;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.Polygon;
import io.frameflow.inference.api.Segmentation;
import io.frameflow.inference.api.SegmentedClass;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre- and post-processing for {@code probability-map} models: the picture is stretched to the
 * input size and normalised per the spec; each class's map is thresholded into a mask at the
 * model's output resolution, which gives the class's area fraction, its run-length mask and the
 * outlines of its connected regions (traced along cell edges, simplified, scaled to the picture's
 * pixels, largest first).
 */
public final class ProbabilityMapTranslator extends ProbabilityMapModel<Segmentation> {
    private final SegmenterOptions options;
    private final ConnectedRegions regions = new ConnectedRegions();

    public ProbabilityMapTranslator(ModelSpec spec, SegmenterOptions options) {
        super(spec);
        this.options = options;
    }

    @Override
    public Segmentation postprocess(BgrImage input, ItemOutputs outputs) {
        int width = mapWidth();
        int height = mapHeight();
        int cells = width * height;
        List<String> labels = spec().labels();
        List<SegmentedClass> classes = new ArrayList<>(labels.size());
        for (int c = 0; c < labels.size(); c++) {
            int area = threshold(outputs, c, (float) options.threshold());
            classes.add(
                    new SegmentedClass(
                            c,
                            labels.get(c),
                            (double) area / cells,
                            MaskRle.encode(mask(), width, height),
                            area == 0 || !options.polygons()
                                    ? List.of()
                                    : polygons(input, width, height)));
        }
        return new Segmentation(classes);
    }

    private List<Polygon> polygons(BgrImage input, int width, int height) {
        float scaleX = (float) input.width() / width;
        float scaleY = (float) input.height() / height;
        double cellArea = (double) scaleX * scaleY;
        List<Polygon> polygons = new ArrayList<>();
        for (ConnectedRegions.Region region : regions.label(mask(), width, height)) {
            if (region.area() * cellArea < options.minArea()) {
                break; // largest first: every later region is smaller
            }
            polygons.add(outline(region.start(), width, height, scaleX, scaleY));
        }
        return polygons;
    }

    private Polygon outline(int start, int width, int height, float scaleX, float scaleY) {
        int[] corners = ContourTracer.trace(mask(), width, height, start);
        float[] points = new float[corners.length];
        for (int i = 0; i < corners.length; i++) {
            points[i] = corners[i];
        }
        float[] simple = PolygonSimplifier.simplify(points, options.polygonTolerance());
        float[] scaled = new float[simple.length];
        for (int i = 0; i < simple.length; i += 2) {
            scaled[i] = simple[i] * scaleX;
            scaled[i + 1] = simple[i + 1] * scaleY;
        }
        return new Polygon(scaled);
    }
}
