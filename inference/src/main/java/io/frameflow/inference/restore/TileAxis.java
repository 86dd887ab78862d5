package io.frameflow.inference.restore;

/**
 * How one axis of a frame is cut into tiles of a fixed length that overlap by at least twice the
 * margin: tile starts are spread evenly from 0 to {@code length - tile}, and each pixel belongs to
 * the tile whose edge it is farthest from, so every pixel a tile contributes lies at least {@code
 * margin} pixels inside it (or at the frame's own border). Between two neighbours the boundary is
 * the middle of their overlap.
 */
final class TileAxis {
    private final int[] starts;
    private final int[] ownedFrom;
    private final int[] ownedTo;

    TileAxis(int length, int tile, int margin) {
        if (length < tile) {
            throw new IllegalArgumentException(
                    "length " + length + " is smaller than the tile " + tile);
        }
        int step = tile - 2 * margin;
        int count = length == tile ? 1 : 1 + ceilDiv(length - tile, step);
        starts = new int[count];
        for (int i = 1; i < count; i++) {
            starts[i] = (int) Math.round((double) i * (length - tile) / (count - 1));
        }
        ownedFrom = new int[count];
        ownedTo = new int[count];
        for (int i = 0; i < count; i++) {
            ownedFrom[i] = i == 0 ? 0 : ownedTo[i - 1];
            // the middle of the overlap [starts[i + 1], starts[i] + tile)
            ownedTo[i] = i == count - 1 ? length : (starts[i + 1] + starts[i] + tile) / 2;
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    int count() {
        return starts.length;
    }

    /** First pixel of tile {@code i}. */
    int start(int i) {
        return starts[i];
    }

    /** First pixel that tile {@code i} contributes to the output. */
    int ownedFrom(int i) {
        return ownedFrom[i];
    }

    /** One past the last pixel that tile {@code i} contributes. */
    int ownedTo(int i) {
        return ownedTo[i];
    }
}
