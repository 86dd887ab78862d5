package io.frameflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.WindowResult;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

class WindowResultSerializerTest extends SerializerTestBase<WindowResult> {

    @Override
    protected TypeSerializer<WindowResult> createSerializer() {
        return WindowResultSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<WindowResult> getTypeClass() {
        return WindowResult.class;
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<WindowResult> serializer) {
        return true;
    }

    @Override
    protected WindowResult[] getTestData() {
        return new WindowResult[] {
            new WindowResult(
                    WindowResult.Kind.COUNT,
                    "cam-1",
                    0,
                    10_000,
                    "",
                    "person",
                    0,
                    Map.of(
                            "frames", 250.0,
                            "detections", 1420.0,
                            "mean", 5.68,
                            "max", 9.0,
                            "tracks", 14.0)),
            new WindowResult(
                    WindowResult.Kind.OCCUPANCY,
                    "cam-1",
                    5_000,
                    15_000,
                    "door",
                    "person",
                    2,
                    Map.of("frames", 250.0, "mean", 0.4, "max", 2.0, "tracks", 3.0)),
            new WindowResult(
                    WindowResult.Kind.CROSSINGS,
                    "cam-2",
                    1_763_800_000_000L,
                    1_763_800_060_000L,
                    "gate",
                    "car",
                    0,
                    Map.of()),
        };
    }

    @Test
    void typeExtractionUsesOurSerializer() {
        assertThat(TypeInformation.of(WindowResult.class))
                .isEqualTo(WindowResultTypeInfoFactory.TYPE_INFO);
    }

    @Test
    void recordsCheckTheirIdentity() {
        assertThatThrownBy(
                        () ->
                                new WindowResult(
                                        WindowResult.Kind.COUNT,
                                        "cam",
                                        10,
                                        10,
                                        "",
                                        "person",
                                        0,
                                        Map.of()))
                .hasMessageContaining("window end 10 must be after its start 10");
        assertThatThrownBy(
                        () ->
                                new WindowResult(
                                        WindowResult.Kind.OCCUPANCY,
                                        "cam",
                                        0,
                                        10,
                                        "",
                                        "person",
                                        0,
                                        Map.of()))
                .hasMessageContaining("occupancy results must name a zone or line");
    }
}
