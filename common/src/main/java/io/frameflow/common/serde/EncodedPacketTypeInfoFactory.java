package io.frameflow.common.serde;

import io.frameflow.common.EncodedPacket;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Makes Flink use {@link EncodedPacketSerializer} wherever an {@link EncodedPacket} appears. */
public final class EncodedPacketTypeInfoFactory extends TypeInfoFactory<EncodedPacket> {
    public static final TypeInformation<EncodedPacket> TYPE_INFO =
            new SerializerTypeInfo<>(EncodedPacket.class, EncodedPacketSerializer.INSTANCE);

    @Override
    public TypeInformation<EncodedPacket> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return TYPE_INFO;
    }
}
