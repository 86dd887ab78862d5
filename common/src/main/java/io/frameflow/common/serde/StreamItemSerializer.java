package io.frameflow.common.serde;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.Detection;
import io.frameflow.common.Restoration;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.StagedFrame;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link StreamItem}: a tag byte, then the frame, the dead letter or the
 * staged frame. Tag 2 (staged frame) was added after tags 0 and 1, so bytes written before it still
 * read.
 */
public final class StreamItemSerializer extends ImmutableRecordSerializer<StreamItem> {
    private static final long serialVersionUID = 1L;
    public static final StreamItemSerializer INSTANCE = new StreamItemSerializer();

    private static final byte FRAME = 0;
    private static final byte DEAD_LETTER = 1;
    private static final byte STAGED_FRAME = 2;

    @Override
    public void serialize(StreamItem item, DataOutputView out) throws IOException {
        if (item instanceof VideoFrame frame) {
            out.writeByte(FRAME);
            VideoFrameSerializer.INSTANCE.serialize(frame, out);
        } else if (item instanceof StagedFrame staged) {
            out.writeByte(STAGED_FRAME);
            serializeStaged(staged, out);
        } else {
            out.writeByte(DEAD_LETTER);
            DeadLetterSerializer.INSTANCE.serialize((DeadLetter) item, out);
        }
    }

    @Override
    public StreamItem deserialize(DataInputView in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case FRAME -> VideoFrameSerializer.INSTANCE.deserialize(in);
            case DEAD_LETTER -> DeadLetterSerializer.INSTANCE.deserialize(in);
            case STAGED_FRAME -> deserializeStaged(in);
            default -> throw new IOException("unknown StreamItem tag " + tag);
        };
    }

    private static void serializeStaged(StagedFrame staged, DataOutputView out) throws IOException {
        VideoFrameSerializer.INSTANCE.serialize(staged.source(), out);
        // most stages keep the decoded picture: send its pixels once
        boolean sameImage = staged.image() == staged.source();
        out.writeBoolean(sameImage);
        if (!sameImage) {
            VideoFrameSerializer.INSTANCE.serialize(staged.image(), out);
        }
        out.writeInt(staged.models().size());
        for (String model : staged.models()) {
            out.writeUTF(model);
        }
        ResultFields.writeRestoration(staged.restoration(), out);
        ResultFields.writeSegmentation(staged.segmentation(), out);
        out.writeBoolean(staged.detections() != null);
        if (staged.detections() != null) {
            ResultFields.writeDetections(staged.detections(), out);
        }
    }

    private static StagedFrame deserializeStaged(DataInputView in) throws IOException {
        VideoFrame source = VideoFrameSerializer.INSTANCE.deserialize(in);
        VideoFrame image =
                in.readBoolean() ? source : VideoFrameSerializer.INSTANCE.deserialize(in);
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative number of models: " + n);
        }
        List<String> models = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            models.add(in.readUTF());
        }
        Restoration restoration = ResultFields.readRestoration(in);
        SegmentationResult segmentation = ResultFields.readSegmentation(in);
        List<Detection> detections = in.readBoolean() ? ResultFields.readDetections(in) : null;
        return new StagedFrame(source, image, models, restoration, segmentation, detections);
    }

    @Override
    public TypeSerializerSnapshot<StreamItem> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<StreamItem> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
