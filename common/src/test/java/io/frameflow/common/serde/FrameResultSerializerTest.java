package io.frameflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

class FrameResultSerializerTest extends SerializerTestBase<FrameResult> {

    @Override
    protected TypeSerializer<FrameResult> createSerializer() {
        return FrameResultSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<FrameResult> getTypeClass() {
        return FrameResult.class;
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<FrameResult> serializer) {
        return true;
    }

    @Override
    protected FrameResult[] getTestData() {
        return new FrameResult[] {
            new FrameResult(
                    "cam-1",
                    0,
                    0,
                    0,
                    TimeSource.MEDIA,
                    768,
                    576,
                    false,
                    "nanodet-coco@3.0.4",
                    List.of()),
            new FrameResult(
                    "cam-2",
                    100,
                    10_000_000,
                    10_000,
                    TimeSource.ARRIVAL,
                    640,
                    480,
                    true,
                    "nanodet-coco@3.0.4",
                    List.of(
                            new Detection("person", 0, 0.72f, 10.5f, 20f, 60f, 180.25f),
                            new Detection("truck", 7, 0.36f, 0f, 0f, 640f, 480f))),
        };
    }

    @Test
    void typeExtractionUsesOurSerializer() {
        assertThat(TypeInformation.of(FrameResult.class))
                .isEqualTo(FrameResultTypeInfoFactory.TYPE_INFO);
    }
}
