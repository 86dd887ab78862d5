package io.frameflow.common.serde;

import io.frameflow.common.VideoFrame;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Makes Flink use {@link VideoFrameSerializer} wherever a {@link VideoFrame} appears. */
public final class VideoFrameTypeInfoFactory extends TypeInfoFactory<VideoFrame> {
    public static final TypeInformation<VideoFrame> TYPE_INFO =
            new SerializerTypeInfo<>(VideoFrame.class, VideoFrameSerializer.INSTANCE);

    @Override
    public TypeInformation<VideoFrame> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return TYPE_INFO;
    }
}
