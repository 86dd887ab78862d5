package io.frameflow.common.serde;

import io.frameflow.common.Detection;
import io.frameflow.common.Outline;
import io.frameflow.common.Restoration;
import io.frameflow.common.RunLengthMask;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.SegmentedArea;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The wire form of the parts of a result (detections with their children, restoration,
 * segmentation), shared by {@link FrameResultSerializer} and {@link StreamItemSerializer}. Optional
 * parts are preceded by a presence flag.
 */
final class ResultFields {

    /**
     * Deepest nesting of detections accepted when reading: a guard against corrupt input, far above
     * what a pipeline produces (a primary stage and secondary stages under it).
     */
    static final int MAX_DEPTH = 8;

    private ResultFields() {}

    /** Detections without track ids (frames inside the model stages are never tracked yet). */
    static void writeDetections(List<Detection> detections, DataOutputView out) throws IOException {
        writeDetections(detections, out, false);
    }

    /**
     * Detections with their children; with {@code trackIds}, each detection's track id follows its
     * box (FrameResult format 3).
     */
    static void writeDetections(List<Detection> detections, DataOutputView out, boolean trackIds)
            throws IOException {
        out.writeInt(detections.size());
        for (Detection d : detections) {
            out.writeUTF(d.label());
            out.writeInt(d.classId());
            out.writeFloat(d.score());
            out.writeFloat(d.x1());
            out.writeFloat(d.y1());
            out.writeFloat(d.x2());
            out.writeFloat(d.y2());
            if (trackIds) {
                out.writeLong(d.trackId());
            } else if (d.tracked()) {
                throw new IOException(
                        "this format cannot hold track ids, got track " + d.trackId());
            }
            writeDetections(d.children(), out, trackIds);
        }
    }

    static List<Detection> readDetections(DataInputView in) throws IOException {
        return readDetections(in, false, 0);
    }

    static List<Detection> readDetections(DataInputView in, boolean trackIds) throws IOException {
        return readDetections(in, trackIds, 0);
    }

    private static List<Detection> readDetections(DataInputView in, boolean trackIds, int depth)
            throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("detections nested deeper than " + MAX_DEPTH + " levels");
        }
        int n = count(in, "detections");
        List<Detection> detections = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String label = in.readUTF();
            int classId = in.readInt();
            float score = in.readFloat();
            float x1 = in.readFloat();
            float y1 = in.readFloat();
            float x2 = in.readFloat();
            float y2 = in.readFloat();
            long trackId = trackIds ? in.readLong() : Detection.NO_TRACK;
            List<Detection> children = readDetections(in, trackIds, depth + 1);
            detections.add(new Detection(label, classId, score, x1, y1, x2, y2, children, trackId));
        }
        return detections;
    }

    static void writeRestoration(Restoration r, DataOutputView out) throws IOException {
        out.writeBoolean(r != null);
        if (r != null) {
            out.writeUTF(r.model());
            out.writeBoolean(r.applied());
            out.writeDouble(r.psnr());
            out.writeDouble(r.ssim());
            out.writeDouble(r.estimate());
        }
    }

    static Restoration readRestoration(DataInputView in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new Restoration(
                in.readUTF(), in.readBoolean(), in.readDouble(), in.readDouble(), in.readDouble());
    }

    static void writeSegmentation(SegmentationResult s, DataOutputView out) throws IOException {
        out.writeBoolean(s != null);
        if (s == null) {
            return;
        }
        out.writeUTF(s.model());
        out.writeInt(s.classes().size());
        for (SegmentedArea area : s.classes()) {
            out.writeUTF(area.label());
            out.writeInt(area.classId());
            out.writeDouble(area.areaFraction());
            RunLengthMask mask = area.mask();
            out.writeInt(mask.width());
            out.writeInt(mask.height());
            out.writeInt(mask.runCount());
            for (int i = 0; i < mask.runCount(); i++) {
                out.writeInt(mask.run(i));
            }
            out.writeInt(area.polygons().size());
            for (Outline outline : area.polygons()) {
                float[] points = outline.points();
                out.writeInt(points.length);
                for (float p : points) {
                    out.writeFloat(p);
                }
            }
        }
    }

    static SegmentationResult readSegmentation(DataInputView in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String model = in.readUTF();
        int n = count(in, "segmentation classes");
        List<SegmentedArea> classes = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            String label = in.readUTF();
            int classId = in.readInt();
            double area = in.readDouble();
            int width = in.readInt();
            int height = in.readInt();
            int[] counts = new int[count(in, "mask runs")];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = in.readInt();
            }
            int polygons = count(in, "polygons");
            List<Outline> outlines = new ArrayList<>(polygons);
            for (int p = 0; p < polygons; p++) {
                float[] points = new float[count(in, "polygon points")];
                for (int i = 0; i < points.length; i++) {
                    points[i] = in.readFloat();
                }
                outlines.add(new Outline(points));
            }
            classes.add(
                    new SegmentedArea(
                            label,
                            classId,
                            area,
                            new RunLengthMask(width, height, counts),
                            outlines));
        }
        return new SegmentationResult(model, classes);
    }

    private static int count(DataInputView in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative number of " + what + ": " + n);
        }
        return n;
    }
}
