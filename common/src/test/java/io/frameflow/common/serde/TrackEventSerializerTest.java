package io.frameflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.TrackEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

class TrackEventSerializerTest extends SerializerTestBase<TrackEvent> {

    @Override
    protected TypeSerializer<TrackEvent> createSerializer() {
        return TrackEventSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<TrackEvent> getTypeClass() {
        return TrackEvent.class;
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<TrackEvent> serializer) {
        return true;
    }

    @Override
    protected TrackEvent[] getTestData() {
        return new TrackEvent[] {
            new TrackEvent(
                    TrackEvent.Type.TRACK_START,
                    "cam-1",
                    1,
                    "person",
                    4,
                    160,
                    null,
                    null,
                    0,
                    1f,
                    2f,
                    30f,
                    80f),
            new TrackEvent(
                    TrackEvent.Type.TRACK_END,
                    "cam-1",
                    1,
                    "person",
                    90,
                    3600,
                    null,
                    null,
                    3440,
                    100f,
                    2f,
                    130f,
                    80f),
            new TrackEvent(
                    TrackEvent.Type.ZONE_EXIT,
                    "cam-2",
                    17,
                    "car",
                    55,
                    1_763_800_002_200L,
                    "parking.row-2",
                    null,
                    1200,
                    5f,
                    6f,
                    7f,
                    8f),
            new TrackEvent(
                    TrackEvent.Type.LINE_CROSSING,
                    "cam-2",
                    18,
                    "person",
                    56,
                    1_763_800_002_240L,
                    "door",
                    TrackEvent.Direction.OUT,
                    0,
                    5f,
                    6f,
                    7f,
                    8f),
        };
    }

    @Test
    void typeExtractionUsesOurSerializer() {
        assertThat(TypeInformation.of(TrackEvent.class))
                .isEqualTo(TrackEventTypeInfoFactory.TYPE_INFO);
    }
}
