package io.frameflow.common.serde;

import io.frameflow.common.PacketItem;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Makes Flink use {@link PacketItemSerializer} wherever a {@link PacketItem} appears. */
public final class PacketItemTypeInfoFactory extends TypeInfoFactory<PacketItem> {
    public static final TypeInformation<PacketItem> TYPE_INFO =
            new SerializerTypeInfo<>(PacketItem.class, PacketItemSerializer.INSTANCE);

    @Override
    public TypeInformation<PacketItem> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return TYPE_INFO;
    }
}
