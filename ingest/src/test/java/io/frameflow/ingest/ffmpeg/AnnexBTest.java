package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.VideoCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnexBTest {
    // SPS (7), PPS (8) behind 4-byte start codes, then an IDR slice (5) behind a 3-byte one,
    // with a trailing zero byte before the next 4-byte start code, then a non-IDR slice (1)
    private static final byte[] H264 = {
        0,
        0,
        0,
        1,
        0x67,
        0x42,
        0x00,
        0x1e, //
        0,
        0,
        0,
        1,
        0x68,
        (byte) 0xce,
        0x3c,
        (byte) 0x80, //
        0,
        0,
        1,
        0x65,
        (byte) 0x88,
        (byte) 0x84,
        0x21,
        0, //
        0,
        0,
        0,
        1,
        0x41,
        (byte) 0x9a,
        0x02
    };

    @Test
    void findsEveryNalUnitWithItsType() {
        List<AnnexB.NalUnit> units = AnnexB.nalUnits(VideoCodec.H264, H264);
        assertThat(units.stream().map(AnnexB.NalUnit::type)).containsExactly(7, 8, 5, 1);
        assertThat(units.get(0)).isEqualTo(new AnnexB.NalUnit(4, 4, 7));
        // the IDR slice ends before the zero byte that precedes the next start code
        assertThat(units.get(2)).isEqualTo(new AnnexB.NalUnit(19, 4, 5));
        assertThat(units.get(3)).isEqualTo(new AnnexB.NalUnit(28, 3, 1));
    }

    @Test
    void parameterSetsAreCopiedBehindStartCodes() {
        assertThat(AnnexB.parameterSets(VideoCodec.H264, H264))
                .containsExactly(
                        0,
                        0,
                        0,
                        1,
                        0x67,
                        0x42,
                        0x00,
                        0x1e,
                        0,
                        0,
                        0,
                        1,
                        0x68,
                        (byte) 0xce,
                        0x3c,
                        (byte) 0x80);
        assertThat(AnnexB.hasRandomAccessPicture(VideoCodec.H264, H264)).isTrue();
    }

    @Test
    void h265TypesAreTheSixBitsAfterTheForbiddenBit() {
        // VPS (32) = 0x40 0x01, IDR_W_RADL (19) = 0x26 0x01, TRAIL_R (1) = 0x02 0x01
        byte[] hevc = {
            0, 0, 0, 1, 0x40, 0x01, 0x0c, 0, 0, 1, 0x26, 0x01, (byte) 0xaf, 0, 0, 1, 2, 1
        };
        assertThat(AnnexB.nalUnits(VideoCodec.H265, hevc).stream().map(AnnexB.NalUnit::type))
                .containsExactly(32, 19, 1);
        assertThat(AnnexB.parameterSets(VideoCodec.H265, hevc))
                .containsExactly(0, 0, 0, 1, 0x40, 0x01, 0x0c);
        assertThat(AnnexB.hasRandomAccessPicture(VideoCodec.H265, hevc)).isTrue();
    }

    @Test
    void dataWithoutStartCodeHasNoUnits() {
        byte[] avcc = {0, 0, 0, 4, 0x65, 1, 2, 3};
        assertThat(AnnexB.startsWithStartCode(avcc)).isFalse();
        assertThat(AnnexB.nalUnits(VideoCodec.H264, new byte[] {0x65, 1, 2})).isEmpty();
    }
}
