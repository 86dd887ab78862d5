package io.frameflow.common.serde;

import io.frameflow.common.WindowResult;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Makes Flink use {@link WindowResultSerializer} wherever a {@link WindowResult} appears. */
public final class WindowResultTypeInfoFactory extends TypeInfoFactory<WindowResult> {
    public static final TypeInformation<WindowResult> TYPE_INFO =
            new SerializerTypeInfo<>(WindowResult.class, WindowResultSerializer.INSTANCE);

    @Override
    public TypeInformation<WindowResult> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return TYPE_INFO;
    }
}
