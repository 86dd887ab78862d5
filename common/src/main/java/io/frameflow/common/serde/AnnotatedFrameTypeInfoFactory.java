package io.frameflow.common.serde;

import io.frameflow.common.AnnotatedFrame;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Makes Flink use {@link AnnotatedFrameSerializer} wherever a {@link AnnotatedFrame} appears. */
public final class AnnotatedFrameTypeInfoFactory extends TypeInfoFactory<AnnotatedFrame> {
    public static final TypeInformation<AnnotatedFrame> TYPE_INFO =
            new SerializerTypeInfo<>(AnnotatedFrame.class, AnnotatedFrameSerializer.INSTANCE);

    @Override
    public TypeInformation<AnnotatedFrame> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return TYPE_INFO;
    }
}
