package io.frameflow.common.serde;

import io.frameflow.common.DeadLetter;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Makes Flink use {@link DeadLetterSerializer} wherever a {@link DeadLetter} appears. */
public final class DeadLetterTypeInfoFactory extends TypeInfoFactory<DeadLetter> {
    public static final TypeInformation<DeadLetter> TYPE_INFO =
            new SerializerTypeInfo<>(DeadLetter.class, DeadLetterSerializer.INSTANCE);

    @Override
    public TypeInformation<DeadLetter> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return TYPE_INFO;
    }
}
