package io.frameflow.sinks.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitmapFontTest {
    @Test
    void everyPrintableAsciiCharacterHasAGlyph() {
        assertThat(BitmapFont.glyphCount()).isEqualTo('~' - ' ' + 1);
        for (char c = '!'; c <= '~'; c++) {
            boolean any = false;
            for (int y = 0; y < 7; y++) {
                for (int x = 0; x < 5; x++) {
                    any |= BitmapFont.pixel(c, x, y);
                }
            }
            assertThat(any).as("glyph of '%s' has pixels", c).isTrue();
        }
    }

    @Test
    void glyphsLookLikeTheirCharacters() {
        assertThat(rows('T'))
                .containsExactly("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#..");
        assertThat(rows('7'))
                .containsExactly("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#...");
        assertThat(rows('#'))
                .containsExactly(".#.#.", ".#.#.", "#####", ".#.#.", "#####", ".#.#.", ".#.#.");
        // anything outside printable ASCII is drawn as '?'
        assertThat(rows('é')).isEqualTo(rows('?'));
    }

    @Test
    void textIsDrawnAtItsScaleAndClippedAtTheEdge() {
        byte[] pixels = new byte[40 * 20 * 3];
        Canvas canvas = new Canvas().reset(pixels, 40, 20);
        BitmapFont.draw(canvas, 0, 0, 2, "T", 0xffffff);
        // the bar of the T is 10 pixels wide and 2 high at scale 2
        for (int x = 0; x < 10; x++) {
            assertThat(pixels[(x) * 3] & 0xff).isEqualTo(255);
            assertThat(pixels[(40 + x) * 3] & 0xff).isEqualTo(255);
        }
        assertThat(pixels[10 * 3] & 0xff).isZero();
        assertThat(pixels[(2 * 40) * 3] & 0xff).isZero();
        assertThat(pixels[(2 * 40 + 4) * 3] & 0xff).isEqualTo(255);
        assertThat(BitmapFont.width("abc", 2)).isEqualTo(36);
        assertThat(BitmapFont.height(3)).isEqualTo(24);
        BitmapFont.draw(canvas, 35, 15, 3, "WWW", 0xffffff);
    }

    private static String[] rows(char c) {
        String[] rows = new String[7];
        for (int y = 0; y < 7; y++) {
            StringBuilder row = new StringBuilder();
            for (int x = 0; x < 5; x++) {
                row.append(BitmapFont.pixel(c, x, y) ? '#' : '.');
            }
            rows[y] = row.toString();
        }
        return rows;
    }
}
