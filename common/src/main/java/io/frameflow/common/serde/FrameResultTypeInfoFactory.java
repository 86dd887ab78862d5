package io.frameflow.common.serde;

import io.frameflow.common.FrameResult;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Makes Flink use {@link FrameResultSerializer} wherever a {@link FrameResult} appears. */
public final class FrameResultTypeInfoFactory extends TypeInfoFactory<FrameResult> {
    public static final TypeInformation<FrameResult> TYPE_INFO =
            new SerializerTypeInfo<>(FrameResult.class, FrameResultSerializer.INSTANCE);

    @Override
    public TypeInformation<FrameResult> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return TYPE_INFO;
    }
}
