package io.frameflow.inference.segment;

/** Hand-drawn masks for tests: rows of '#' (set) and '.' (unset). */
final class Grids {
    private Grids() {}

    static byte[] parse(String... rows) {
        int width = rows[0].length();
        byte[] cells = new byte[width * rows.length];
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length() != width) {
                throw new IllegalArgumentException("row " + y + " has another width");
            }
            for (int x = 0; x < width; x++) {
                cells[y * width + x] = (byte) (rows[y].charAt(x) == '#' ? 1 : 0);
            }
        }
        return cells;
    }
}
