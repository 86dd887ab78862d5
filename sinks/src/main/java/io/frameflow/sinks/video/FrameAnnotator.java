package io.frameflow.sinks.video;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.Outline;
import io.frameflow.common.RunLengthMask;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.SegmentedArea;
import io.frameflow.common.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link FrameResult} onto a copy of its frame's pixels: segmentation masks (translucent),
 * their outlines, detection boxes with their children, and a tag per box with label, score and
 * track id. Lines and text grow with the picture height, so that they read the same at 480p and
 * 1080p. The frame's own pixel array is only read: it is shared with the rest of the task.
 */
final class FrameAnnotator {
    private final DrawOptions draw;
    private final int maskAlpha;
    private final Canvas canvas = new Canvas();
    private final List<Tag> tags = new ArrayList<>();

    FrameAnnotator(DrawOptions draw) {
        this.draw = draw;
        this.maskAlpha = (int) Math.round(draw.maskOpacity() * 256);
    }

    /** Line width in pixels of a box on a picture {@code height} pixels high. */
    static int lineWidth(int height) {
        return Math.max(2, Math.round(height / 160f));
    }

    /** Scale of the tag text on a picture {@code height} pixels high. */
    static int textScale(int height) {
        return Math.max(1, Math.round(height / 300f));
    }

    /**
     * Copies the frame's pixels into {@code target} (at least {@code width * height * 3} bytes) and
     * draws the result on the copy.
     */
    void annotate(VideoFrame frame, FrameResult result, byte[] target) {
        byte[] source = frame.bgr();
        System.arraycopy(source, 0, target, 0, source.length);
        if (!draw.any()) {
            return;
        }
        canvas.reset(target, frame.width(), frame.height());
        SegmentationResult segmentation = result.segmentation();
        if (segmentation != null) {
            for (SegmentedArea area : segmentation.classes()) {
                int colour = ClassColors.of(area.label());
                if (draw.masks()) {
                    paintMask(area.mask(), colour);
                }
                if (draw.polygons()) {
                    for (Outline outline : area.polygons()) {
                        paintOutline(outline, colour);
                    }
                }
            }
        }
        int thickness = lineWidth(frame.height());
        tags.clear();
        for (Detection d : result.detections()) {
            paintDetection(d, thickness);
            if (draw.children()) {
                for (Detection child : d.children()) {
                    paintDetection(child, Math.max(1, thickness / 2));
                }
            }
        }
        // tags last, so that no box is drawn across another box's text
        int scale = textScale(frame.height());
        for (Tag tag : tags) {
            paintTag(tag, scale);
        }
    }

    private void paintDetection(Detection d, int thickness) {
        int left = (int) Math.floor(d.x1());
        int top = (int) Math.floor(d.y1());
        int right = Math.max(left, (int) Math.ceil(d.x2()) - 1);
        int bottom = Math.max(top, (int) Math.ceil(d.y2()) - 1);
        int colour = ClassColors.of(d.label());
        if (draw.boxes()) {
            canvas.outline(left, top, right, bottom, thickness, colour);
        }
        String text = tagText(d);
        if (!text.isEmpty()) {
            tags.add(new Tag(text, left, top, colour));
        }
    }

    private String tagText(Detection d) {
        StringBuilder s = new StringBuilder();
        if (draw.labels()) {
            s.append(d.label());
        }
        if (draw.scores()) {
            appendSpaced(s, String.format(Locale.ROOT, "%.2f", d.score()));
        }
        if (draw.trackIds() && d.tracked()) {
            appendSpaced(s, "#" + d.trackId());
        }
        return s.toString();
    }

    private static void appendSpaced(StringBuilder s, String part) {
        if (!s.isEmpty()) {
            s.append(' ');
        }
        s.append(part);
    }

    /** A text tag on the box's top edge: above the box where there is room, else inside it. */
    private void paintTag(Tag tag, int scale) {
        int w = BitmapFont.width(tag.text, scale) + scale;
        int h = BitmapFont.height(scale) + scale;
        int y = tag.top - h >= 0 ? tag.top - h : Math.max(0, tag.top);
        int x = Math.max(0, Math.min(tag.left, canvas.width() - w));
        canvas.fill(x, y, x + w, y + h, tag.colour);
        BitmapFont.draw(
                canvas, x + scale, y + scale, scale, tag.text, ClassColors.textOn(tag.colour));
    }

    /**
     * Blends the mask's cells into the picture. Grid cell (cx, cy) covers the pixels (x, y) with
     * {@code x * gridWidth / W == cx}, i.e. columns {@code ceil(cx * W / gridWidth)} up to {@code
     * ceil((cx + 1) * W / gridWidth)}, so a run of cells in one grid row is one rectangle.
     */
    private void paintMask(RunLengthMask mask, int colour) {
        int gw = mask.width();
        int gh = mask.height();
        long w = canvas.width();
        long h = canvas.height();
        long cell = 0;
        for (int i = 0; i < mask.runCount(); i++) {
            long end = cell + mask.run(i);
            if (i % 2 == 1) {
                for (long c = cell; c < end; ) {
                    long row = c / gw;
                    long rowEnd = Math.min(end, (row + 1) * gw);
                    int x0 = (int) ceilDiv((c - row * gw) * w, gw);
                    int x1 = (int) ceilDiv((rowEnd - row * gw) * w, gw);
                    int y0 = (int) ceilDiv(row * h, gh);
                    int y1 = (int) ceilDiv((row + 1) * h, gh);
                    canvas.blend(x0, y0, x1, y1, colour, maskAlpha);
                    c = rowEnd;
                }
            }
            cell = end;
        }
    }

    private void paintOutline(Outline outline, int colour) {
        int n = outline.size();
        int t = Math.max(1, lineWidth(canvas.height()) / 2);
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            canvas.line(
                    outline.coordinate(2 * i),
                    outline.coordinate(2 * i + 1),
                    outline.coordinate(2 * j),
                    outline.coordinate(2 * j + 1),
                    t,
                    colour);
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private record Tag(String text, int left, int top, int colour) {}
}
