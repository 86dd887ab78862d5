package io.frameflow.inference.segment;

import java.util.Arrays;

/**
 * Traces the outer boundary of an 8-connected region along the cell edges of its grid ("crack
 * following"). The result is a closed outline through cell corners, in grid units (corner (x, y) is
 * the top-left corner of cell (x, y)), with one point per change of direction. For a region without
 * holes the outline's area equals the region's cell count; holes are not traced.
 */
final class ContourTracer {
    // Directions in clockwise order on screen (y grows downwards): east, south, west, north.
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    private ContourTracer() {}

    /**
     * @param cells the grid (non-zero = set)
     * @param start a cell of the region with no set cell above it or to its left, e.g. its first
     *     cell in row-major order
     * @return x0, y0, x1, y1, … of the outline's corners, clockwise on screen
     */
    static int[] trace(byte[] cells, int width, int height, int start) {
        int sx = start % width;
        int sy = start / width;
        int[] points = new int[16];
        int count = 0;
        points[count++] = sx;
        points[count++] = sy;
        // The start cell's top edge is on the boundary; walk it eastwards with the region on the
        // right-hand side.
        int direction = 0;
        int x = sx + 1;
        int y = sy;
        while (x != sx || y != sy) {
            int next = turn(cells, width, height, x, y, direction);
            if (next != direction) {
                if (count + 2 > points.length) {
                    points = Arrays.copyOf(points, points.length * 2);
                }
                points[count++] = x;
                points[count++] = y;
                direction = next;
            }
            x += DX[direction];
            y += DY[direction];
        }
        return Arrays.copyOf(points, count);
    }

    /**
     * The direction to leave corner (x, y) when arriving heading {@code direction}. Of the two
     * cells ahead, a set one on the left means the boundary turns left (diagonal neighbours belong
     * to the same region); a set one only on the right means it goes straight on; none means it
     * turns right around the last cell.
     */
    private static int turn(byte[] cells, int width, int height, int x, int y, int direction) {
        int left;
        int right;
        switch (direction) {
            case 0 -> { // east: north-east cell on the left, south-east on the right
                left = cell(cells, width, height, x, y - 1);
                right = cell(cells, width, height, x, y);
            }
            case 1 -> { // south
                left = cell(cells, width, height, x, y);
                right = cell(cells, width, height, x - 1, y);
            }
            case 2 -> { // west
                left = cell(cells, width, height, x - 1, y);
                right = cell(cells, width, height, x - 1, y - 1);
            }
            default -> { // north
                left = cell(cells, width, height, x - 1, y - 1);
                right = cell(cells, width, height, x, y - 1);
            }
        }
        if (left != 0) {
            return (direction + 3) % 4;
        }
        return right != 0 ? direction : (direction + 1) % 4;
    }

    private static int cell(byte[] cells, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : cells[y * width + x];
    }

    /** The area enclosed by a closed outline (shoelace formula), positive for clockwise. */
    static double area(float[] points) {
        double twice = 0;
        int n = points.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            twice +=
                    (double) points[2 * i] * points[2 * j + 1]
                            - (double) points[2 * j] * points[2 * i + 1];
        }
        return twice / 2;
    }
}
