package io.frameflow.sinks.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_d2q;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_inv_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * One MP4 file being written: BGR24 pictures in, converted to YUV 4:2:0, encoded and muxed. Every
 * native object (muxer, encoder, scaler, picture and packet buffers) is allocated once in {@link
 * #open} and freed in {@link #close}, so encoding a frame allocates nothing native.
 *
 * <p>The pictures' timestamps are frame slots at the file's rate: slot {@code n} is shown at {@code
 * n / fps} seconds; a skipped slot holds the previous picture on screen. The encoder makes no
 * B-frames, so packets leave it in order. Pictures of odd width or height lose their last column or
 * row (4:2:0 needs even sizes).
 */
final class Mp4Encoder implements AutoCloseable {
    /** Smallest picture side the encoders accept. */
    static final int MIN_SIDE = 16;

    private final Path file;
    private final String name;
    private AVFormatContext muxer;
    private AVCodecContext encoder;
    private AVStream stream;
    private SwsContext scaler;
    private AVFrame picture;
    private AVPacket packet;
    private BytePointer input;
    private final PointerPointer<BytePointer> inputPlanes = new PointerPointer<>(1);
    private final IntPointer inputStrides = new IntPointer(1);
    private int width;
    private int height;
    private int outHeight;
    private long bytesWritten;
    private boolean finished;

    /**
     * Fails unless this FFmpeg build has the encoder of {@code codec}.
     *
     * @throws VideoSinkException naming the key {@value VideoSinkOptions#CODEC}
     */
    static void requireEncoder(OutputCodec codec) throws VideoSinkException {
        if (avcodec_find_encoder_by_name(codec.encoder()) == null) {
            throw new VideoSinkException(
                    "video sink option '"
                            + VideoSinkOptions.CODEC
                            + "' = "
                            + codec.key()
                            + ": this FFmpeg build has no '"
                            + codec.encoder()
                            + "' encoder");
        }
    }

    /** An encoder that will write {@code file} once opened. */
    Mp4Encoder(Path file) {
        this.file = file;
        this.name = file.toString();
    }

    /**
     * Creates the file and prepares the encoder.
     *
     * @param width picture width of every frame that will be written
     * @param height picture height of every frame
     * @param fps frames per second: the time base of the file
     * @param codec the codec
     * @param bitrate target bits per second
     * @param gop frames from one keyframe to the next
     * @throws IOException naming the file and what FFmpeg said
     */
    void open(int width, int height, double fps, OutputCodec codec, long bitrate, int gop)
            throws IOException {
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new IOException(
                    "cannot encode "
                            + width
                            + "x"
                            + height
                            + " pictures into "
                            + name
                            + ": both sides must be at least "
                            + MIN_SIDE
                            + " pixels");
        }
        this.width = width;
        this.height = height;
        int outWidth = width & ~1;
        outHeight = height & ~1;
        AVCodec found = avcodec_find_encoder_by_name(codec.encoder());
        if (found == null) {
            throw new IOException(
                    "this FFmpeg build has no '"
                            + codec.encoder()
                            + "' encoder for "
                            + name
                            + "; choose another "
                            + VideoSinkOptions.CODEC);
        }
        muxer = new AVFormatContext(null);
        check(avformat_alloc_output_context2(muxer, null, "mp4", name), "set up an MP4 muxer");
        encoder = avcodec_alloc_context3(found);
        if (encoder == null) {
            throw new IOException("cannot allocate a " + codec.encoder() + " encoder for " + name);
        }
        // mpeg4 limits the time base denominator to 16 bits; so does this approximation
        AVRational rate = av_d2q(fps, 65535);
        encoder.width(outWidth)
                .height(outHeight)
                .pix_fmt(AV_PIX_FMT_YUV420P)
                .time_base(av_inv_q(rate))
                .framerate(rate)
                .gop_size(gop)
                .max_b_frames(0)
                .bit_rate(bitrate)
                .thread_count(1)
                // sws converts with BT.601 limited-range coefficients: say so in the stream
                .color_range(AVCOL_RANGE_MPEG)
                .colorspace(AVCOL_SPC_SMPTE170M)
                .color_primaries(AVCOL_PRI_SMPTE170M)
                .color_trc(AVCOL_TRC_SMPTE170M);
        if ((muxer.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        check(avcodec_open2(encoder, found, (AVDictionary) null), "open " + codec.encoder());
        stream = avformat_new_stream(muxer, null);
        if (stream == null) {
            throw new IOException("cannot add a video stream to " + name);
        }
        check(avcodec_parameters_from_context(stream.codecpar(), encoder), "describe the stream");
        stream.time_base(encoder.time_base());
        stream.avg_frame_rate(rate);
        AVIOContext io = new AVIOContext(null);
        check(avio_open(io, name, AVIO_FLAG_WRITE), "create");
        muxer.pb(io);
        check(avformat_write_header(muxer, (AVDictionary) null), "write the header of");
        scaler =
                sws_getContext(
                        outWidth,
                        outHeight,
                        AV_PIX_FMT_BGR24,
                        outWidth,
                        outHeight,
                        AV_PIX_FMT_YUV420P,
                        SWS_BILINEAR,
                        null,
                        null,
                        (DoublePointer) null);
        if (scaler == null) {
            throw new IOException("cannot convert " + width + "x" + height + " BGR for " + name);
        }
        picture = av_frame_alloc();
        picture.format(AV_PIX_FMT_YUV420P).width(outWidth).height(outHeight);
        check(av_frame_get_buffer(picture, 0), "allocate a picture for");
        input = new BytePointer((long) width * height * 3);
        inputPlanes.put(0, input);
        // the full row stride: an odd last column is skipped, not squeezed in
        inputStrides.put(0, width * 3);
        packet = av_packet_alloc();
    }

    /**
     * Encodes one packed BGR24 picture of the size given to {@link #open}, shown at frame {@code
     * slot}; slots must increase.
     */
    void write(byte[] bgr, long slot) throws IOException {
        if (bgr.length < width * height * 3) {
            throw new IOException(
                    "a picture for "
                            + name
                            + " has "
                            + bgr.length
                            + " bytes; "
                            + width
                            + "x"
                            + height
                            + " BGR24 needs "
                            + (width * height * 3));
        }
        input.position(0).put(bgr, 0, width * height * 3);
        check(av_frame_make_writable(picture), "prepare a picture for");
        sws_scale(
                scaler,
                inputPlanes,
                inputStrides,
                0,
                outHeight,
                picture.data(),
                picture.linesize());
        picture.pts(slot);
        check(avcodec_send_frame(encoder, picture), "encode a picture for");
        drain();
    }

    /** Flushes the encoder and writes the MP4 index: afterwards the file is complete. */
    void finish() throws IOException {
        check(avcodec_send_frame(encoder, null), "flush the encoder of");
        drain();
        check(av_write_trailer(muxer), "finish");
        finished = true;
        int closed = avio_closep(muxer.pb());
        muxer.pb(null);
        check(closed, "close");
    }

    /** Bytes of encoded video handed to the muxer so far. */
    long bytesWritten() {
        return bytesWritten;
    }

    Path file() {
        return file;
    }

    private void drain() throws IOException {
        while (true) {
            int r = avcodec_receive_packet(encoder, packet);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                return;
            }
            check(r, "encode a picture for");
            bytesWritten += packet.size();
            av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            // takes the packet's data, leaving the packet blank for the next round
            check(av_interleaved_write_frame(muxer, packet), "write");
        }
    }

    private void check(int code, String what) throws IOException {
        if (code < 0) {
            throw new IOException("cannot " + what + " " + name + ": " + describe(code));
        }
    }

    /** FFmpeg's text for an error code, e.g. {@code No space left on device}. */
    static String describe(int code) {
        byte[] text = new byte[256];
        if (av_strerror(code, text, text.length) < 0) {
            return "FFmpeg error " + code;
        }
        int n = 0;
        while (n < text.length && text[n] != 0) {
            n++;
        }
        return new String(text, 0, n, StandardCharsets.UTF_8) + " (FFmpeg error " + code + ")";
    }

    /** Frees everything; a file not {@link #finish finished} is left incomplete on disk. */
    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (picture != null) {
            av_frame_free(picture);
            picture = null;
        }
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
        if (input != null) {
            input.close();
            input = null;
        }
        inputPlanes.close();
        inputStrides.close();
        if (encoder != null) {
            avcodec_free_context(encoder);
            encoder = null;
        }
        if (muxer != null) {
            if (!finished && muxer.pb() != null) {
                // ignored: the file is abandoned; a close error adds nothing to the first one
                int ignored = avio_closep(muxer.pb());
                muxer.pb(null);
            }
            avformat_free_context(muxer);
            muxer = null;
        }
    }
}
