package io.frameflow.operators.stage;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Polygon;
import io.frameflow.inference.api.RestoredImage;
import io.frameflow.inference.api.RleMask;
import io.frameflow.inference.api.Segmentation;
import io.frameflow.inference.api.SegmentedClass;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.runtime.Translator;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Translators for {@link TinyModels}: pictures are resized (nearest neighbour) to a square grid of
 * {@code size} cells, planes B, G, R scaled to 0..1. A picture whose first byte is {@value
 * #UNREADABLE} is refused, as a real translator refuses input it cannot handle.
 */
final class GridTranslators {

    /** First byte of a picture the translators refuse. */
    static final int UNREADABLE = 7;

    private GridTranslators() {}

    private abstract static class Grid<O> implements Translator<BgrImage, O> {
        final int size;

        Grid(int size) {
            this.size = size;
        }

        @Override
        public String inputName() {
            return "x";
        }

        @Override
        public List<String> outputNames() {
            return List.of("y");
        }

        @Override
        public void check(ModelSignature signature) {
            long[] shape = signature.input("x");
            if (shape.length != 3 || shape[0] != 3) {
                throw new InferenceException("expected a 3-channel image input");
            }
        }

        @Override
        public long[] itemInputShape(ModelSignature signature) {
            return new long[] {3, size, size};
        }

        @Override
        public long[] itemOutputShape(String output, long[] itemInputShape, ModelSignature s) {
            return new long[] {3, size, size};
        }

        @Override
        public void preprocess(BgrImage image, FloatBuffer target) {
            byte[] bgr = image.bgr();
            if ((bgr[0] & 0xFF) == UNREADABLE) {
                throw new InferenceException(
                        "cannot read a " + image.width() + "x" + image.height() + " picture");
            }
            int plane = size * size;
            for (int y = 0; y < size; y++) {
                int sy = y * image.height() / size;
                for (int x = 0; x < size; x++) {
                    int sx = x * image.width() / size;
                    int at = (sy * image.width() + sx) * 3;
                    for (int c = 0; c < 3; c++) {
                        target.put(c * plane + y * size + x, (bgr[at + c] & 0xFF) / 255f);
                    }
                }
            }
        }
    }

    /** Finds one box: the bounding box of the cells where {@code channel} is above half. */
    static final class Blob extends Grid<List<DetectedObject>> {
        private final int channel;
        private final String label;

        Blob(int size, int channel, String label) {
            super(size);
            this.channel = channel;
            this.label = label;
        }

        @Override
        public List<DetectedObject> postprocess(BgrImage input, ItemOutputs outputs) {
            int[] box = boundingBox(outputs.get("y"), channel, size);
            if (box == null) {
                return List.of();
            }
            float sx = (float) input.width() / size;
            float sy = (float) input.height() / size;
            return List.of(
                    new DetectedObject(
                            channel,
                            label,
                            0.9f,
                            box[0] * sx,
                            box[1] * sy,
                            box[2] * sx,
                            box[3] * sy));
        }
    }

    /** One class: the cells where {@code channel} is above half; one rectangle outline. */
    static final class Mask extends Grid<Segmentation> {
        private final int channel;
        private final String label;

        Mask(int size, int channel, String label) {
            super(size);
            this.channel = channel;
            this.label = label;
        }

        @Override
        public Segmentation postprocess(BgrImage input, ItemOutputs outputs) {
            FloatBuffer y = outputs.get("y");
            int plane = size * size;
            List<Integer> runs = new ArrayList<>();
            boolean current = false;
            int run = 0;
            int area = 0;
            for (int i = 0; i < plane; i++) {
                boolean set = y.get(channel * plane + i) > 0;
                area += set ? 1 : 0;
                if (set != current) {
                    runs.add(run);
                    run = 0;
                    current = set;
                }
                run++;
            }
            runs.add(run);
            int[] counts = runs.stream().mapToInt(Integer::intValue).toArray();
            int[] box = boundingBox(y, channel, size);
            List<Polygon> polygons = new ArrayList<>();
            if (box != null) {
                float sx = (float) input.width() / size;
                float sy = (float) input.height() / size;
                polygons.add(
                        new Polygon(
                                new float[] {
                                    box[0] * sx, box[1] * sy, box[2] * sx, box[1] * sy,
                                    box[2] * sx, box[3] * sy, box[0] * sx, box[3] * sy
                                }));
            }
            return new Segmentation(
                    List.of(
                            new SegmentedClass(
                                    channel,
                                    label,
                                    (double) area / plane,
                                    new RleMask(size, size, counts),
                                    polygons)));
        }
    }

    /** Upscales by two: the output picture is the model's output, back to bytes. */
    static final class Upscale extends Grid<RestoredImage> {
        Upscale(int size) {
            super(size);
        }

        @Override
        public long[] itemOutputShape(String output, long[] itemInputShape, ModelSignature s) {
            return new long[] {3, 2L * size, 2L * size};
        }

        @Override
        public RestoredImage postprocess(BgrImage input, ItemOutputs outputs) {
            FloatBuffer y = outputs.get("y");
            int side = 2 * size;
            int plane = side * side;
            byte[] bgr = new byte[plane * 3];
            for (int i = 0; i < plane; i++) {
                for (int c = 0; c < 3; c++) {
                    bgr[i * 3 + c] = (byte) Math.round(y.get(c * plane + i) * 255f);
                }
            }
            // a nearest-neighbour upscale adds nothing: identical to its input at input size
            return new RestoredImage(
                    new BgrImage(side, side, bgr), true, Double.POSITIVE_INFINITY, 1.0, Double.NaN);
        }
    }

    /** {x1, y1, x2, y2} in cells (x2, y2 exclusive) of the cells above zero, or null. */
    private static int[] boundingBox(FloatBuffer y, int channel, int size) {
        int plane = size * size;
        int x1 = size;
        int y1 = size;
        int x2 = -1;
        int y2 = -1;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                if (y.get(channel * plane + r * size + c) > 0) {
                    x1 = Math.min(x1, c);
                    y1 = Math.min(y1, r);
                    x2 = Math.max(x2, c);
                    y2 = Math.max(y2, r);
                }
            }
        }
        return x2 < 0 ? null : new int[] {x1, y1, x2 + 1, y2 + 1};
    }
}
