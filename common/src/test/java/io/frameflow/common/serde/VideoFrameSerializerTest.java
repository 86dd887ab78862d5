package io.frameflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

class VideoFrameSerializerTest extends SerializerTestBase<VideoFrame> {

    @Override
    protected TypeSerializer<VideoFrame> createSerializer() {
        return VideoFrameSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<VideoFrame> getTypeClass() {
        return VideoFrame.class;
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<VideoFrame> serializer) {
        return true;
    }

    @Override
    protected VideoFrame[] getTestData() {
        byte[] gradient = new byte[4 * 2 * 3];
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = (byte) (i * 11);
        }
        return new VideoFrame[] {
            new VideoFrame("cam-1", 0, 0, 0, TimeSource.MEDIA, 4, 2, false, gradient),
            new VideoFrame(
                    "lobby/entrance",
                    917,
                    30_563_000,
                    1_763_800_000_000L,
                    TimeSource.ARRIVAL,
                    1,
                    1,
                    true,
                    new byte[] {(byte) 255, 0, 7}),
            new VideoFrame(
                    "ünïcode-stream",
                    Long.MAX_VALUE / 2,
                    -40,
                    -1,
                    TimeSource.SENDER_REPORT,
                    2,
                    1,
                    false,
                    new byte[6]),
        };
    }

    @Test
    void typeExtractionUsesOurSerializer() {
        assertThat(TypeInformation.of(VideoFrame.class))
                .isEqualTo(VideoFrameTypeInfoFactory.TYPE_INFO);
    }
}
