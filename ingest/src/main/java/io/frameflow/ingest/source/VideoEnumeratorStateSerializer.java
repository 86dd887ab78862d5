package io.frameflow.ingest.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Writes {@link VideoEnumeratorState} into checkpoints. Version 2: the unassigned splits (each in
 * {@link VideoSplitSerializer}'s version 2 form), then the assigned stream ids; version 1, still
 * read, held version 1 splits.
 */
public final class VideoEnumeratorStateSerializer
        implements SimpleVersionedSerializer<VideoEnumeratorState> {

    /** The shared instance; the serializer has no state. */
    public static final VideoEnumeratorStateSerializer INSTANCE =
            new VideoEnumeratorStateSerializer();

    static final int VERSION = 2;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(VideoEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(512);
        out.writeInt(state.unassigned().size());
        for (VideoSplit split : state.unassigned()) {
            VideoSplitSerializer.write(split, out);
        }
        // sorted, so that equal states give equal bytes
        Set<String> ids = new TreeSet<>(state.assignedStreamIds());
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public VideoEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION && version != 1) {
            throw new IOException(
                    "cannot read video enumerator state of serializer version "
                            + version
                            + "; this build reads versions 1 to "
                            + VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int n = in.readInt();
        List<VideoSplit> unassigned = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            unassigned.add(VideoSplitSerializer.read(in, version));
        }
        int m = in.readInt();
        Set<String> assigned = new TreeSet<>();
        for (int i = 0; i < m; i++) {
            assigned.add(in.readUTF());
        }
        if (in.available() > 0) {
            throw new IOException(
                    "video enumerator state has "
                            + in.available()
                            + " unread bytes: the data is not a version "
                            + VERSION
                            + " state");
        }
        return new VideoEnumeratorState(unassigned, assigned);
    }
}
