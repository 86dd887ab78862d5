package io.frameflow.common.serde;

import io.frameflow.common.StreamItem;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Makes Flink use {@link StreamItemSerializer} wherever a {@link StreamItem} appears. */
public final class StreamItemTypeInfoFactory extends TypeInfoFactory<StreamItem> {
    public static final TypeInformation<StreamItem> TYPE_INFO =
            new SerializerTypeInfo<>(StreamItem.class, StreamItemSerializer.INSTANCE);

    @Override
    public TypeInformation<StreamItem> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return TYPE_INFO;
    }
}
