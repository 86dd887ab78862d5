package io.frameflow.ingest.source;

import io.frameflow.ingest.ffmpeg.DecoderOptions;
import java.io.IOException;
import java.time.Duration;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes {@link VideoSplit}s into checkpoints. Version 2: the stream (id, URI, frame limit, decoder
 * Writes {@link VideoSplit}s into checkpoints. Version 2: the stream (id, URI, frame limit, decoder
 * options with the keyframes-only flag, live stream options) and its position; version 1, still
 * read, lacked the keyframes-only flag and the live stream options (read as their defaults). The
 * URI is stored as given, credentials included, because a restored job must be able to reconnect;
 * protect checkpoint storage accordingly.
 */
public final class VideoSplitSerializer implements SimpleVersionedSerializer<VideoSplit> {

    /** The shared instance; the serializer has no state. */
    public static final VideoSplitSerializer INSTANCE = new VideoSplitSerializer();

    static final int VERSION = 2;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(VideoSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public VideoSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION && version != 1) {
            throw new IOException(
                    "cannot read a video split of serializer version "
                            + version
                            + "; this build reads versions 1 and "
                            + VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        VideoSplit split = read(in, version);
        if (in.available() > 0) {
            throw new IOException(
                    "video split of stream '"
                            + split.splitId()
                            + "' has "
                            + in.available()
                            + " unread bytes: the data is not a version "
                            + VERSION
                            + " split");
        }
        return split;
    }

    static void write(VideoSplit split, DataOutputView out) throws IOException {
        VideoStreamSpec s = split.stream();
        out.writeUTF(s.id());
        out.writeUTF(s.uri());
        out.writeBoolean(s.hasMaxFrames());
        if (s.hasMaxFrames()) {
            out.writeLong(s.maxFrames());
        }
        DecoderOptions o = s.options();
        out.writeLong(o.openTimeout().toNanos());
        out.writeLong(o.readTimeout().toNanos());
        out.writeInt(o.decoderThreads());
        out.writeInt(o.maxConsecutiveErrors());
        out.writeUTF(o.rtspTransport().name());
        out.writeBoolean(o.keyframesOnly());
        LiveStreamOptions l = s.live();
        out.writeLong(l.initialDelay().toNanos());
        out.writeLong(l.maxDelay().toNanos());
        out.writeInt(l.maxAttempts());
        out.writeLong(l.resetAfter().toNanos());
        out.writeLong(l.stallTimeout().toNanos());
        out.writeInt(l.buffer());
        VideoStreamPosition p = split.position();
        out.writeLong(p.nextSeq());
        out.writeLong(p.lastPtsMicros());
        out.writeInt(p.deadLettersAtNextSeq());
        out.writeLong(p.damagedFrames());
        out.writeLong(p.deadLetters());
    }

    static VideoSplit read(DataInputView in) throws IOException {
        return read(in, VERSION);
    }

    static VideoSplit read(DataInputView in, int version) throws IOException {
        String id = in.readUTF();
        String uri = in.readUTF();
        Long maxFrames = in.readBoolean() ? in.readLong() : null;
        DecoderOptions options =
                new DecoderOptions(
                        Duration.ofNanos(in.readLong()),
                        Duration.ofNanos(in.readLong()),
                        in.readInt(),
                        in.readInt(),
                        DecoderOptions.RtspTransport.valueOf(in.readUTF()),
                        version >= 2 && in.readBoolean());
        LiveStreamOptions live =
                version == 1
                        ? LiveStreamOptions.defaults()
                        : new LiveStreamOptions(
                                Duration.ofNanos(in.readLong()),
                                Duration.ofNanos(in.readLong()),
                                in.readInt(),
                                Duration.ofNanos(in.readLong()),
                                Duration.ofNanos(in.readLong()),
                                in.readInt());
        VideoStreamPosition position =
                new VideoStreamPosition(
                        in.readLong(), in.readLong(), in.readInt(), in.readLong(), in.readLong());
        return new VideoSplit(new VideoStreamSpec(id, uri, maxFrames, options, live), position);
    }
}
