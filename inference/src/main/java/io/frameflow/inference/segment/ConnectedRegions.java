package io.frameflow.inference.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Labels the 8-connected regions of set cells in a binary grid. The label array and the fill stack
 * are kept between calls, so a translator that labels one map per frame allocates nothing per frame
 * except the region list.
 */
final class ConnectedRegions {
    private static final int[] DX = {-1, 0, 1, -1, 1, -1, 0, 1};
    private static final int[] DY = {-1, -1, -1, 0, 0, 1, 1, 1};

    /**
     * One region.
     *
     * @param label its value in {@link #labels()} (1-based)
     * @param area number of cells
     * @param start index of its first cell in row-major order (its top-most, then left-most cell)
     */
    record Region(int label, int area, int start, int minX, int minY, int maxX, int maxY) {}

    private int[] labels = new int[0];
    private int[] stack = new int[0];

    /** Per cell: 0 for unset cells, else the label of its region. Valid until the next call. */
    int[] labels() {
        return labels;
    }

    /** Labels the regions of {@code cells} (non-zero = set); returns them largest first. */
    List<Region> label(byte[] cells, int width, int height) {
        int size = width * height;
        if (labels.length < size) {
            labels = new int[size];
            stack = new int[size];
        } else {
            java.util.Arrays.fill(labels, 0, size, 0);
        }
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (cells[i] != 0 && labels[i] == 0) {
                regions.add(fill(cells, width, height, i, regions.size() + 1));
            }
        }
        regions.sort(Comparator.comparingInt(Region::area).reversed());
        return regions;
    }

    private Region fill(byte[] cells, int width, int height, int start, int label) {
        int top = 0;
        stack[top++] = start;
        labels[start] = label;
        int area = 0;
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        while (top > 0) {
            int cell = stack[--top];
            int x = cell % width;
            int y = cell / width;
            area++;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
            for (int k = 0; k < 8; k++) {
                int nx = x + DX[k];
                int ny = y + DY[k];
                if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                    continue;
                }
                int next = ny * width + nx;
                if (cells[next] != 0 && labels[next] == 0) {
                    labels[next] = label;
                    stack[top++] = next;
                }
            }
        }
        return new Region(label, area, start, minX, minY, maxX, maxY);
    }
}
