package io.frameflow.inference.segment;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.Polygon;
import io.frameflow.inference.api.Segmentation;
import io.frameflow.inference.api.SegmentedClass;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.runtime.Translator;
import io.frameflow.inference.spec.ModelSpec;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre- and post-processing for {@code probability-map} models: the picture is stretched to the
 * input size and normalised per the spec; each class's map is thresholded into a mask at the
 * model's output resolution, which gives the class's area fraction, its run-length mask and the
 * outlines of its connected regions (traced along cell edges, simplified, scaled to the picture's
 * pixels, largest first).
 */
public final class ProbabilityMapTranslator implements Translator<BgrImage, Segmentation> {
    private final ProbabilityMapModel model;
    private final SegmenterOptions options;
    private final ConnectedRegions regions = new ConnectedRegions();
    private float[] probabilities = new float[0];
    private byte[] mask = new byte[0];

    public ProbabilityMapTranslator(ModelSpec spec, SegmenterOptions options) {
        this.model = new ProbabilityMapModel(spec);
        this.options = options;
    }

    @Override
    public String inputName() {
        return model.spec().input().name();
    }

    @Override
    public List<String> outputNames() {
        return model.decoder().outputNames();
    }

    @Override
    public void check(ModelSignature signature) {
        model.resolve(signature);
    }

    @Override
    public long[] itemInputShape(ModelSignature signature) {
        return model.itemInputShape(signature);
    }

    @Override
    public long[] itemOutputShape(String output, long[] itemInputShape, ModelSignature signature) {
        return model.itemOutputShape(output, signature);
    }

    @Override
    public void preprocess(BgrImage input, FloatBuffer target) {
        model.preprocess(input, target);
    }

    @Override
    public Segmentation postprocess(BgrImage input, ItemOutputs outputs) {
        int width = model.mapWidth();
        int height = model.mapHeight();
        int cells = width * height;
        if (probabilities.length != cells) {
            probabilities = new float[cells];
            mask = new byte[cells];
        }
        FloatBuffer output = outputs.get(model.decoder().output());
        List<String> labels = model.spec().labels();
        List<SegmentedClass> classes = new ArrayList<>(labels.size());
        for (int c = 0; c < labels.size(); c++) {
            model.readClass(output, c, probabilities);
            int area = threshold(probabilities, (float) options.threshold(), mask);
            classes.add(
                    new SegmentedClass(
                            c,
                            labels.get(c),
                            (double) area / cells,
                            MaskRle.encode(mask, width, height),
                            area == 0 ? List.of() : polygons(input, width, height)));
        }
        return new Segmentation(classes);
    }

    private static int threshold(float[] probabilities, float threshold, byte[] mask) {
        int area = 0;
        for (int i = 0; i < probabilities.length; i++) {
            boolean set = probabilities[i] >= threshold;
            mask[i] = (byte) (set ? 1 : 0);
            area += set ? 1 : 0;
        }
        return area;
    }

    private List<Polygon> polygons(BgrImage input, int width, int height) {
        float scaleX = (float) input.width() / width;
        float scaleY = (float) input.height() / height;
        double cellArea = (double) scaleX * scaleY;
        List<Polygon> polygons = new ArrayList<>();
        for (ConnectedRegions.Region region : regions.label(mask, width, height)) {
            if (region.area() * cellArea < options.minArea()) {
                break; // largest first: every later region is smaller
            }
            polygons.add(outline(region.start(), width, height, scaleX, scaleY));
        }
        return polygons;
    }

    private Polygon outline(int start, int width, int height, float scaleX, float scaleY) {
        int[] corners = ContourTracer.trace(mask, width, height, start);
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
