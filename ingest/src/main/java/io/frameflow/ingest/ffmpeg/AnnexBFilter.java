package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_get_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_init;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_send_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;

import io.frameflow.common.VideoCodec;
import org.bytedeco.ffmpeg.avcodec.AVBSFContext;
import org.bytedeco.ffmpeg.avcodec.AVBitStreamFilter;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.BytePointer;

/**
 * FFmpeg's {@code h264_mp4toannexb} / {@code hevc_mp4toannexb} bitstream filter over one stream:
 * turns length-prefixed NAL units (MP4, MKV) into Annex-B and inserts the parameter sets before
 * each IDR/IRAP picture. A stream that is Annex-B already (raw files, RTSP) passes through
 * unchanged, so the filter is applied to every H.264/H.265 stream.
 */
final class AnnexBFilter implements AutoCloseable {
    private AVBSFContext ctx;

    /** Where {@link #receive} stands after a packet was sent. */
    enum Received {
        PACKET,
        NEED_INPUT,
        END
    }

    AnnexBFilter(VideoCodec codec, AVStream stream, String where) throws FFmpegException {
        String name = codec == VideoCodec.H265 ? "hevc_mp4toannexb" : "h264_mp4toannexb";
        AVBitStreamFilter filter = av_bsf_get_by_name(name);
        if (filter == null) {
            throw new FFmpegException(where + ": FFmpeg lacks the " + name + " filter", 0);
        }
        ctx = new AVBSFContext(null);
        check(av_bsf_alloc(filter, ctx), where, name);
        check(avcodec_parameters_copy(ctx.par_in(), stream.codecpar()), where, name);
        ctx.time_base_in(stream.time_base());
        check(av_bsf_init(ctx), where, name);
    }

    private void check(int r, String where, String name) throws FFmpegException {
        if (r < 0) {
            close();
            throw new FFmpegException(
                    where + ": cannot start the " + name + " filter: " + FFmpegErrors.describe(r),
                    r);
        }
    }

    /**
     * The codec parameters after conversion, as Annex-B (SPS/PPS, VPS), or empty when the stream
     * carries them only in-band.
     */
    byte[] extradata(VideoCodec codec) {
        AVCodecParameters out = ctx.par_out();
        int size = out.extradata_size();
        if (size <= 0 || out.extradata() == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[size];
        new BytePointer(out.extradata()).capacity(size).get(bytes);
        return AnnexB.startsWithStartCode(bytes) ? AnnexB.parameterSets(codec, bytes) : new byte[0];
    }

    /** Hands {@code packet} (or null to flush) to the filter; it takes the packet's reference. */
    void send(AVPacket packet, String where) throws FFmpegException {
        int r = av_bsf_send_packet(ctx, packet);
        if (r < 0) {
            throw new FFmpegException(
                    where + ": the Annex-B filter rejected it: " + FFmpegErrors.describe(r), r);
        }
    }

    /** Takes the next converted packet into {@code packet}, if there is one. */
    Received receive(AVPacket packet, String where) throws FFmpegException {
        int r = av_bsf_receive_packet(ctx, packet);
        if (r >= 0) {
            return Received.PACKET;
        }
        if (r == AVERROR_EAGAIN()) {
            return Received.NEED_INPUT;
        }
        if (r == AVERROR_EOF) {
            return Received.END;
        }
        throw new FFmpegException(
                where + ": the Annex-B filter failed: " + FFmpegErrors.describe(r), r);
    }

    @Override
    public void close() {
        if (ctx != null) {
            av_bsf_free(ctx);
            ctx = null;
        }
    }
}
