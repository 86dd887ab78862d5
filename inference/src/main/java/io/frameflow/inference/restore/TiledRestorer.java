package io.frameflow.inference.restore;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.RestoredImage;
import io.frameflow.inference.restore.FrameTiles.Tile;
import java.util.ArrayList;
import java.util.List;

/**
 * Restores frames of any size at least one tile large: asks the gate which frames need it, cuts
 * those into overlapping tiles, runs the tiles of all of them through the model in batches,
 * stitches each output from the pixels its tiles own, and scores the result against the input.
 */
final class TiledRestorer implements Predictor<BgrImage, RestoredImage> {
    private final Predictor<Tile, Tile> model;
    private final RestorerOptions options;
    private final int scale;
    private final ImageQuality quality = new ImageQuality();
    private TileAxis columns;
    private TileAxis rows;

    TiledRestorer(Predictor<Tile, Tile> model, RestorerOptions options, int scale) {
        this.model = model;
        this.options = options;
        this.scale = scale;
    }

    @Override
    public List<RestoredImage> predict(List<BgrImage> inputs) {
        inputs.forEach(this::checkSize);
        double[] estimates = new double[inputs.size()];
        List<FrameTiles> frames = new ArrayList<>();
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            BgrImage input = inputs.get(i);
            estimates[i] = options.gate().estimate(input);
            if (options.gate().admits(estimates[i])) {
                FrameTiles frame = new FrameTiles(input, columns(input), rows(input), scale);
                frames.add(frame);
                for (int t = 0; t < frame.tileCount(); t++) {
                    tiles.add(frame.tile(t));
                }
            } else {
                frames.add(null);
            }
        }
        if (!tiles.isEmpty()) {
            model.predict(tiles);
        }
        List<RestoredImage> results = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            FrameTiles frame = frames.get(i);
            if (frame == null) {
                results.add(RestoredImage.skipped(inputs.get(i), estimates[i]));
            } else {
                BgrImage output = frame.outputImage();
                ImageQuality.Scores scores = quality.measure(frame.input, output, scale);
                results.add(
                        new RestoredImage(
                                output, true, scores.psnr(), scores.ssim(), estimates[i]));
            }
        }
        return results;
    }

    private void checkSize(BgrImage input) {
        if (input.width() < options.tile() || input.height() < options.tile()) {
            throw new InferenceException(
                    "model "
                            + modelId()
                            + ": a "
                            + input.width()
                            + "x"
                            + input.height()
                            + " frame is smaller than the restoration tile "
                            + options.tile()
                            + "x"
                            + options.tile()
                            + "; set the stage's tile to at most the frame's smaller side");
        }
    }

    private TileAxis columns(BgrImage input) {
        if (columns == null || columns.ownedTo(columns.count() - 1) != input.width()) {
            columns = new TileAxis(input.width(), options.tile(), options.overlap());
        }
        return columns;
    }

    private TileAxis rows(BgrImage input) {
        if (rows == null || rows.ownedTo(rows.count() - 1) != input.height()) {
            rows = new TileAxis(input.height(), options.tile(), options.overlap());
        }
        return rows;
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    @Override
    public void close() {
        model.close();
    }
}
