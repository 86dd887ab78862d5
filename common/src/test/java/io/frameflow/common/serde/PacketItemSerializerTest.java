package io.frameflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.EncodedPacket;
import io.frameflow.common.PacketItem;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoCodec;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

class PacketItemSerializerTest extends SerializerTestBase<PacketItem> {

    @Override
    protected TypeSerializer<PacketItem> createSerializer() {
        return PacketItemSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<PacketItem> getTypeClass() {
        return PacketItem.class;
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<PacketItem> serializer) {
        return true;
    }

    @Override
    protected PacketItem[] getTestData() {
        return new PacketItem[] {
            EncodedPacket.whole(
                    "cam-1",
                    0,
                    VideoCodec.H264,
                    0,
                    1_763_800_000_000L,
                    TimeSource.SENDER_REPORT,
                    true,
                    new byte[] {0, 0, 0, 1, 0x67, 0x42, 0, 0, 0, 1, 0x68},
                    new byte[] {0, 0, 0, 1, 0x65, 1, 2, 3}),
            new EncodedPacket(
                    "lobby/ünïcode",
                    Long.MAX_VALUE / 3,
                    VideoCodec.H265,
                    EncodedPacket.NO_PTS,
                    -1,
                    TimeSource.ARRIVAL,
                    false,
                    new byte[0],
                    2,
                    3,
                    new byte[70_000]),
            new DeadLetter("cam-2", 9, "kafka", "record has no key", false, 5),
        };
    }

    @Test
    void typeExtractionUsesOurSerializers() {
        assertThat(TypeInformation.of(PacketItem.class))
                .isEqualTo(PacketItemTypeInfoFactory.TYPE_INFO);
        assertThat(TypeInformation.of(EncodedPacket.class))
                .isEqualTo(EncodedPacketTypeInfoFactory.TYPE_INFO);
    }

    @Test
    void packetDescribesItselfWithoutPayload() {
        EncodedPacket chunk = (EncodedPacket) getTestData()[1];
        assertThat(chunk.describe())
                .isEqualTo(
                        "stream 'lobby/ünïcode' packet "
                                + (Long.MAX_VALUE / 3)
                                + " chunk 2/3 (hevc, 70000 bytes)");
    }

    @Test
    void rejectsImpossibleChunkPositions() {
        assertThatThrownBy(
                        () ->
                                new EncodedPacket(
                                        "cam",
                                        1,
                                        VideoCodec.MJPEG,
                                        0,
                                        0,
                                        TimeSource.MEDIA,
                                        true,
                                        new byte[0],
                                        3,
                                        3,
                                        new byte[1]))
                .hasMessage("chunk 3 of 3 is not a valid chunk position");
    }

    @Test
    void codecNamesRoundTripAndUnknownOnesAreNamed() {
        for (VideoCodec c : VideoCodec.values()) {
            assertThat(VideoCodec.fromWireName(c.wireName().toUpperCase())).isSameAs(c);
        }
        assertThatThrownBy(() -> VideoCodec.fromWireName("vp9"))
                .hasMessage("unknown codec 'vp9'; known codecs: h264, hevc, mjpeg");
    }
}
