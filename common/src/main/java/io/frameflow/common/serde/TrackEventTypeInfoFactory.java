package io.frameflow.common.serde;

import io.frameflow.common.TrackEvent;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Makes Flink use {@link TrackEventSerializer} wherever a {@link TrackEvent} appears. */
public final class TrackEventTypeInfoFactory extends TypeInfoFactory<TrackEvent> {
    public static final TypeInformation<TrackEvent> TYPE_INFO =
            new SerializerTypeInfo<>(TrackEvent.class, TrackEventSerializer.INSTANCE);

    @Override
    public TypeInformation<TrackEvent> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return TYPE_INFO;
    }
}
