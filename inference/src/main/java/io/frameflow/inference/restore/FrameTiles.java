package io.frameflow.inference.restore;

import io.frameflow.inference.api.BgrImage;

/**
 * One frame being restored tile by tile: its input, the tiling of both axes, and the output frame
 * (the input's size times the model's scale) that tiles write their owned pixels into.
 */
final class FrameTiles {
    final BgrImage input;
    final TileAxis columns;
    final TileAxis rows;
    final int scale;
    final byte[] output;

    FrameTiles(BgrImage input, TileAxis columns, TileAxis rows, int scale) {
        this.input = input;
        this.columns = columns;
        this.rows = rows;
        this.scale = scale;
        this.output =
                new byte[Math.multiplyExact(input.width() * scale, input.height() * scale * 3)];
    }

    int tileCount() {
        return columns.count() * rows.count();
    }

    /** Tile {@code index} in row-major order. */
    Tile tile(int index) {
        return new Tile(this, index % columns.count(), index / columns.count());
    }

    BgrImage outputImage() {
        return new BgrImage(input.width() * scale, input.height() * scale, output);
    }

    /** One tile of a frame: the model's input item. */
    record Tile(FrameTiles frame, int column, int row) {
        int x() {
            return frame.columns.start(column);
        }

        int y() {
            return frame.rows.start(row);
        }
    }
}
