package io.frameflow.inference.restore;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.restore.FrameTiles.Tile;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.runtime.Translator;
import io.frameflow.inference.spec.ColorOrder;
import io.frameflow.inference.spec.ImageDecoderSpec;
import io.frameflow.inference.spec.InputSpec;
import io.frameflow.inference.spec.ModelSpec;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds one tile of a frame to an image-to-image model and writes the pixels that tile owns back
 * into the frame's output. The model's dynamic height and width are fixed to the tile size. Input
 * values are normalised per the spec ({@code (p * scale - mean) / std}, NCHW, channels in the
 * spec's order); output values are mapped from the decoder's range to 0..255 and clipped.
 */
final class TileTranslator implements Translator<Tile, Tile> {
    private final ModelSpec spec;
    private final ImageDecoderSpec decoder;
    private final int tile;
    private final int outTile;
    private final int[] sourceChannel = new int[3];
    private final float[] multiply = new float[3];
    private final float[] add = new float[3];
    private final float[] inputScratch;
    private final float[] rowScratch;
    private final float outMultiply;
    private final float outAdd;

    TileTranslator(ModelSpec spec, int tile) {
        if (!(spec.decoder() instanceof ImageDecoderSpec image)) {
            throw new IllegalArgumentException(
                    "model " + spec.modelId() + " has no image decoder: " + spec.decoder());
        }
        this.spec = spec;
        this.decoder = image;
        this.tile = tile;
        this.outTile = tile * image.scale();
        InputSpec input = spec.input();
        for (int c = 0; c < 3; c++) {
            sourceChannel[c] = input.color() == ColorOrder.RGB ? 2 - c : c;
            double std = input.std().get(c);
            multiply[c] = (float) (input.scale() / std);
            add[c] = (float) (-input.mean().get(c) / std);
        }
        this.inputScratch = new float[3 * tile * tile];
        this.rowScratch = new float[outTile];
        this.outMultiply = (float) (255.0 / (image.white() - image.black()));
        this.outAdd = (float) (-image.black() * outMultiply);
    }

    @Override
    public String inputName() {
        return spec.input().name();
    }

    @Override
    public List<String> outputNames() {
        return List.of(decoder.output());
    }

    @Override
    public void check(ModelSignature signature) {
        expect("input", inputName(), signature.input(inputName()), tile, "the tile size");
        expect(
                "output",
                decoder.output(),
                signature.output(decoder.output()),
                outTile,
                "the tile size times the decoder's scale " + decoder.scale());
    }

    private void expect(String kind, String name, long[] shape, int side, String what) {
        boolean fits =
                shape.length == 3
                        && (shape[0] == 3 || shape[0] == -1)
                        && (shape[1] == side || shape[1] == -1)
                        && (shape[2] == side || shape[2] == -1);
        if (!fits) {
            throw new InferenceException(
                    "model "
                            + spec.modelId()
                            + ": "
                            + kind
                            + " '"
                            + name
                            + "' has per-item shape "
                            + Arrays.toString(shape)
                            + " but a restoration model needs [3, H, W] with H and W dynamic or "
                            + side
                            + " ("
                            + what
                            + ")");
        }
    }

    @Override
    public long[] itemInputShape(ModelSignature signature) {
        return new long[] {3, tile, tile};
    }

    @Override
    public long[] itemOutputShape(String output, long[] itemInputShape, ModelSignature signature) {
        return new long[] {3, outTile, outTile};
    }

    @Override
    public void preprocess(Tile item, FloatBuffer target) {
        byte[] bgr = item.frame().input.bgr();
        int width = item.frame().input.width();
        int plane = tile * tile;
        for (int y = 0; y < tile; y++) {
            int from = ((item.y() + y) * width + item.x()) * 3;
            int row = y * tile;
            for (int x = 0; x < tile; x++) {
                int at = from + 3 * x;
                for (int c = 0; c < 3; c++) {
                    inputScratch[c * plane + row + x] =
                            (bgr[at + sourceChannel[c]] & 0xFF) * multiply[c] + add[c];
                }
            }
        }
        target.put(0, inputScratch);
    }

    @Override
    public Tile postprocess(Tile item, ItemOutputs outputs) {
        FloatBuffer values = outputs.get(decoder.output());
        FrameTiles frame = item.frame();
        int s = frame.scale;
        int outWidth = frame.input.width() * s;
        int x0 = frame.columns.ownedFrom(item.column()) * s;
        int x1 = frame.columns.ownedTo(item.column()) * s;
        int y0 = frame.rows.ownedFrom(item.row()) * s;
        int y1 = frame.rows.ownedTo(item.row()) * s;
        int tileX = item.x() * s;
        int tileY = item.y() * s;
        int plane = outTile * outTile;
        for (int c = 0; c < 3; c++) {
            int byteOffset = sourceChannel[c];
            for (int y = y0; y < y1; y++) {
                values.get(
                        c * plane + (y - tileY) * outTile + (x0 - tileX), rowScratch, 0, x1 - x0);
                int at = (y * outWidth + x0) * 3 + byteOffset;
                for (int i = 0; i < x1 - x0; i++, at += 3) {
                    frame.output[at] = toByte(rowScratch[i]);
                }
            }
        }
        return item;
    }

    private byte toByte(float value) {
        float scaled = value * outMultiply + outAdd;
        if (!(scaled > 0)) {
            return 0; // also NaN
        }
        return scaled >= 255 ? (byte) 255 : (byte) (int) (scaled + 0.5f);
    }
}
