package io.frameflow.common.serde;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link FrameResult}: the record that crosses the network to the sinks.
 *
 * <p>Format 2 (current) adds nested detections, restoration and segmentation to format 1 (flat
 * detections only). A snapshot taken with format 1 restores as compatible after migration: {@link
 * Format1} reads the old bytes and this serializer writes them anew.
 */
public final class FrameResultSerializer extends ImmutableRecordSerializer<FrameResult> {
    private static final long serialVersionUID = 1L;
    public static final FrameResultSerializer INSTANCE = new FrameResultSerializer();

    @Override
    public void serialize(FrameResult r, DataOutputView out) throws IOException {
        writeHeader(r, out);
        ResultFields.writeDetections(r.detections(), out);
        ResultFields.writeRestoration(r.restoration(), out);
        ResultFields.writeSegmentation(r.segmentation(), out);
    }

    @Override
    public FrameResult deserialize(DataInputView in) throws IOException {
        Header h = Header.read(in);
        List<Detection> detections = ResultFields.readDetections(in);
        return new FrameResult(
                h.stream,
                h.seq,
                h.pts,
                h.capture,
                h.source,
                h.width,
                h.height,
                h.damaged,
                h.model,
                detections,
                ResultFields.readRestoration(in),
                ResultFields.readSegmentation(in));
    }

    private static void writeHeader(FrameResult r, DataOutputView out) throws IOException {
        out.writeUTF(r.streamId());
        out.writeLong(r.seq());
        out.writeLong(r.ptsMicros());
        out.writeLong(r.captureTimeMillis());
        out.writeByte(r.timeSource().ordinal());
        out.writeInt(r.width());
        out.writeInt(r.height());
        out.writeBoolean(r.damaged());
        out.writeUTF(r.model());
    }

    /** The fields both formats start with. */
    private record Header(
            String stream,
            long seq,
            long pts,
            long capture,
            TimeSource source,
            int width,
            int height,
            boolean damaged,
            String model) {

        static Header read(DataInputView in) throws IOException {
            return new Header(
                    in.readUTF(),
                    in.readLong(),
                    in.readLong(),
                    in.readLong(),
                    TimeSource.values()[in.readByte()],
                    in.readInt(),
                    in.readInt(),
                    in.readBoolean(),
                    in.readUTF());
        }
    }

    @Override
    public TypeSerializerSnapshot<FrameResult> snapshotConfiguration() {
        return new Snapshot(Snapshot.FORMAT_2);
    }

    /**
     * Reads format 1 (before nested detections, restoration and segmentation) for state migration;
     * writes nothing new in it.
     */
    public static final class Format1 extends ImmutableRecordSerializer<FrameResult> {
        private static final long serialVersionUID = 1L;
        public static final Format1 INSTANCE = new Format1();

        @Override
        public void serialize(FrameResult r, DataOutputView out) throws IOException {
            if (r.restoration() != null || r.segmentation() != null) {
                throw new IOException(
                        "format 1 of FrameResult cannot hold restoration or segmentation results");
            }
            writeHeader(r, out);
            out.writeInt(r.detections().size());
            for (Detection d : r.detections()) {
                if (!d.children().isEmpty()) {
                    throw new IOException("format 1 of FrameResult cannot hold nested detections");
                }
                out.writeUTF(d.label());
                out.writeInt(d.classId());
                out.writeFloat(d.score());
                out.writeFloat(d.x1());
                out.writeFloat(d.y1());
                out.writeFloat(d.x2());
                out.writeFloat(d.y2());
            }
        }

        @Override
        public FrameResult deserialize(DataInputView in) throws IOException {
            Header h = Header.read(in);
            int n = in.readInt();
            List<Detection> detections = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                detections.add(
                        new Detection(
                                in.readUTF(),
                                in.readInt(),
                                in.readFloat(),
                                in.readFloat(),
                                in.readFloat(),
                                in.readFloat(),
                                in.readFloat()));
            }
            return new FrameResult(
                    h.stream,
                    h.seq,
                    h.pts,
                    h.capture,
                    h.source,
                    h.width,
                    h.height,
                    h.damaged,
                    h.model,
                    detections);
        }

        @Override
        public TypeSerializerSnapshot<FrameResult> snapshotConfiguration() {
            return new Snapshot(Snapshot.FORMAT_1);
        }
    }

    /**
     * Snapshot for state compatibility checks. Format 1 was written by a {@code
     * SimpleTypeSerializerSnapshot} (snapshot version 3, no payload); this snapshot writes version
     * 4, also without payload, so the snapshot version tells the data format.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<FrameResult> {
        static final int FORMAT_1 = 1;
        static final int FORMAT_2 = 2;

        /** The snapshot version that {@code SimpleTypeSerializerSnapshot} wrote for format 1. */
        private static final int SIMPLE_SNAPSHOT_VERSION = 3;

        private static final int CURRENT_VERSION = 4;

        private int format;

        /** For Flink, which reads the format with {@link #readSnapshot}. */
        public Snapshot() {
            this(FORMAT_2);
        }

        Snapshot(int format) {
            this.format = format;
        }

        int format() {
            return format;
        }

        @Override
        public int getCurrentVersion() {
            return format == FORMAT_1 ? SIMPLE_SNAPSHOT_VERSION : CURRENT_VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {
            // the version alone identifies the format
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
                throws IOException {
            if (readVersion == SIMPLE_SNAPSHOT_VERSION) {
                format = FORMAT_1;
            } else if (readVersion == CURRENT_VERSION) {
                format = FORMAT_2;
            } else {
                throw new IOException(
                        "unknown FrameResult serializer snapshot version " + readVersion);
            }
        }

        @Override
        public TypeSerializer<FrameResult> restoreSerializer() {
            return format == FORMAT_1 ? Format1.INSTANCE : FrameResultSerializer.INSTANCE;
        }

        @Override
        public TypeSerializerSchemaCompatibility<FrameResult> resolveSchemaCompatibility(
                TypeSerializerSnapshot<FrameResult> oldSnapshot) {
            if (!(oldSnapshot instanceof Snapshot old)) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            if (old.format == format) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return old.format < format
                    ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
