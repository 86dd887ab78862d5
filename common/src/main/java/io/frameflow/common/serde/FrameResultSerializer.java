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
 * <p>Format 3 (current) adds each detection's track id to format 2, which added nested detections,
 * restoration and segmentation to format 1 (flat detections only). A snapshot taken with an older
 * format restores as compatible after migration: {@link Format1} or {@link Format2} reads the old
 * bytes and this serializer writes them anew.
 */
public final class FrameResultSerializer extends ImmutableRecordSerializer<FrameResult> {
    private static final long serialVersionUID = 1L;
    public static final FrameResultSerializer INSTANCE = new FrameResultSerializer();

    @Override
    public void serialize(FrameResult r, DataOutputView out) throws IOException {
        write(r, out, true);
    }

    @Override
    public FrameResult deserialize(DataInputView in) throws IOException {
        return read(in, true);
    }

    private static void write(FrameResult r, DataOutputView out, boolean trackIds)
            throws IOException {
        writeHeader(r, out);
        ResultFields.writeDetections(r.detections(), out, trackIds);
        ResultFields.writeRestoration(r.restoration(), out);
        ResultFields.writeSegmentation(r.segmentation(), out);
    }

    private static FrameResult read(DataInputView in, boolean trackIds) throws IOException {
        Header h = Header.read(in);
        List<Detection> detections = ResultFields.readDetections(in, trackIds);
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
        return new Snapshot(Snapshot.FORMAT_3);
    }

    /** Reads format 2 (before track ids) for state migration; cannot write a tracked detection. */
    public static final class Format2 extends ImmutableRecordSerializer<FrameResult> {
        private static final long serialVersionUID = 1L;
        public static final Format2 INSTANCE = new Format2();

        @Override
        public void serialize(FrameResult r, DataOutputView out) throws IOException {
            write(r, out, false);
        }

        @Override
        public FrameResult deserialize(DataInputView in) throws IOException {
            return read(in, false);
        }

        @Override
        public TypeSerializerSnapshot<FrameResult> snapshotConfiguration() {
            return new Snapshot(Snapshot.FORMAT_2);
        }
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
     * SimpleTypeSerializerSnapshot} (snapshot version 3, no payload); format 2 wrote version 4 and
     * format 3 writes version 5, also without payload, so the snapshot version tells the data
     * format.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<FrameResult> {
        static final int FORMAT_1 = 1;
        static final int FORMAT_2 = 2;
        static final int FORMAT_3 = 3;

        /** The snapshot version that {@code SimpleTypeSerializerSnapshot} wrote for format 1. */
        private static final int SIMPLE_SNAPSHOT_VERSION = 3;

        /** Snapshot version of format 2; format n > 1 has version n + 2. */
        private static final int FORMAT_2_VERSION = 4;

        private int format;

        /** For Flink, which reads the format with {@link #readSnapshot}. */
        public Snapshot() {
            this(FORMAT_3);
        }

        Snapshot(int format) {
            this.format = format;
        }

        int format() {
            return format;
        }

        @Override
        public int getCurrentVersion() {
            return format == FORMAT_1 ? SIMPLE_SNAPSHOT_VERSION : format + FORMAT_2_VERSION - 2;
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
            } else if (readVersion >= FORMAT_2_VERSION
                    && readVersion <= FORMAT_3 + FORMAT_2_VERSION - 2) {
                format = readVersion - FORMAT_2_VERSION + 2;
            } else {
                throw new IOException(
                        "unknown FrameResult serializer snapshot version " + readVersion);
            }
        }

        @Override
        public TypeSerializer<FrameResult> restoreSerializer() {
            return switch (format) {
                case FORMAT_1 -> Format1.INSTANCE;
                case FORMAT_2 -> Format2.INSTANCE;
                default -> FrameResultSerializer.INSTANCE;
            };
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
