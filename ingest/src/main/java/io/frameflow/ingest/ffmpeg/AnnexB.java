package io.frameflow.ingest.ffmpeg;

import io.frameflow.common.VideoCodec;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads H.264/H.265 byte streams in Annex-B form (NAL units after {@code 00 00 01} or {@code 00 00
 * 00 01} start codes): where the NAL units are, which are parameter sets, and whether an access
 * unit holds an IDR/IRAP picture.
 */
public final class AnnexB {
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {}

    /** One NAL unit: its payload's offset and length in the buffer, and its type. */
    public record NalUnit(int offset, int length, int type) {}

    /** True when {@code data} begins with a 3- or 4-byte start code. */
    public static boolean startsWithStartCode(byte[] data) {
        return startCodeLength(data, 0) > 0;
    }

    private static int startCodeLength(byte[] d, int i) {
        if (i + 3 <= d.length && d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1) {
            return 3;
        }
        if (i + 4 <= d.length && d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 0 && d[i + 3] == 1) {
            return 4;
        }
        return 0;
    }

    /** The NAL units of {@code data}; empty when it does not start with a start code. */
    public static List<NalUnit> nalUnits(VideoCodec codec, byte[] data) {
        List<NalUnit> units = new ArrayList<>();
        int i = 0;
        int start = -1;
        while (i < data.length) {
            int sc = data[i] == 0 ? startCodeLength(data, i) : 0;
            if (sc == 0) {
                i++;
                continue;
            }
            if (start >= 0) {
                add(units, codec, data, start, trimZeros(data, start, i));
            }
            i += sc;
            start = i;
        }
        if (start >= 0) {
            add(units, codec, data, start, data.length);
        }
        return units;
    }

    // trailing zero bytes before a 4-byte start code belong to the start code
    private static int trimZeros(byte[] d, int from, int end) {
        while (end > from && d[end - 1] == 0) {
            end--;
        }
        return end;
    }

    private static void add(List<NalUnit> units, VideoCodec codec, byte[] d, int from, int end) {
        if (end > from) {
            units.add(new NalUnit(from, end - from, type(codec, d[from])));
        }
    }

    private static int type(VideoCodec codec, byte header) {
        return codec == VideoCodec.H265 ? (header >> 1) & 0x3F : header & 0x1F;
    }

    /** True for a parameter set: SPS/PPS for H.264, VPS/SPS/PPS for H.265. */
    public static boolean isParameterSet(VideoCodec codec, int type) {
        return switch (codec) {
            case H264 -> type == 7 || type == 8;
            case H265 -> type >= 32 && type <= 34;
            case MJPEG -> false;
        };
    }

    /** True for a picture that starts decoding afresh: H.264 IDR (5), H.265 IRAP (16–23). */
    public static boolean isRandomAccess(VideoCodec codec, int type) {
        return switch (codec) {
            case H264 -> type == 5;
            case H265 -> type >= 16 && type <= 23;
            case MJPEG -> false;
        };
    }

    /**
     * The parameter sets in {@code data}, each behind a 4-byte start code, in their order; empty
     * when there are none.
     */
    public static byte[] parameterSets(VideoCodec codec, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (NalUnit u : nalUnits(codec, data)) {
            if (isParameterSet(codec, u.type())) {
                out.writeBytes(START_CODE);
                out.write(data, u.offset(), u.length());
            }
        }
        return out.toByteArray();
    }

    /** True when the access unit in {@code data} holds an IDR (H.264) or IRAP (H.265) picture. */
    public static boolean hasRandomAccessPicture(VideoCodec codec, byte[] data) {
        for (NalUnit u : nalUnits(codec, data)) {
            if (isRandomAccess(codec, u.type())) {
                return true;
            }
        }
        return false;
    }
}
