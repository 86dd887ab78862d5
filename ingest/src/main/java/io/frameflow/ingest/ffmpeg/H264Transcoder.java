package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import io.frameflow.ingest.ffmpeg.DecodeEvent.DecodedFrame;
import io.frameflow.ingest.uri.StreamUri;
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
 * Re-encodes a video to H.264 with FFmpeg's {@code libopenh264} encoder (the one H.264 encoder in
 * the JavaCPP FFmpeg build; it makes Constrained Baseline streams without B-frames). For test clips
 * and benchmarks: a chosen size, keyframe interval and frame count, written to any container FFmpeg
 * knows by the output's extension ({@code .mp4}, {@code .mkv}, or {@code .h264} for a raw Annex-B
 * stream). Not for production encoding: it does one frame at a time, without rate tuning.
 */
public final class H264Transcoder {
    private H264Transcoder() {}

    /**
     * What to make.
     *
     * @param width output width in pixels (even)
     * @param height output height in pixels (even)
     * @param gop frames from one keyframe to the next
     * @param maxFrames stop after this many frames (the whole input when it is shorter)
     * @param bitRate target bits per second
     */
    public record Options(int width, int height, int gop, int maxFrames, long bitRate) {
        public Options {
            if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException(
                        "output size must be positive and even, got " + width + "x" + height);
            }
            if (gop < 1 || maxFrames < 1 || bitRate < 1) {
                throw new IllegalArgumentException(
                        "gop, maxFrames and bitRate must be >= 1, got "
                                + gop
                                + ", "
                                + maxFrames
                                + ", "
                                + bitRate);
            }
        }

        /** The given size and frame count, a keyframe every 10 frames, ~0.1 bit per pixel. */
        public static Options of(int width, int height, int maxFrames) {
            return new Options(
                    width, height, 10, maxFrames, Math.max(200_000L, width * height * 3L));
        }

        public Options withGop(int value) {
            return new Options(width, height, value, maxFrames, bitRate);
        }
    }

    /**
     * What was written.
     *
     * @param frames pictures encoded
     * @param keyframes of which keyframes
     * @param frameRate the output's frame rate (the input's, else 25)
     */
    public record Result(int frames, int keyframes, double frameRate) {}

    /**
     * Decodes {@code input} and writes it to {@code output} as H.264.
     *
     * @throws FFmpegException when the input cannot be read or the output written; the message
     *     names the file
     */
    public static Result transcode(Path input, Path output, Options options)
            throws FFmpegException {
        StreamUri source = StreamUri.parse(input.toAbsolutePath().toString());
        try (FFmpegDecoder decoder = new FFmpegDecoder(source, DecoderOptions.defaults());
                Encoder encoder = new Encoder(output, options)) {
            StreamInfo info = decoder.open();
            double fps = info.frameRate().orElse(25.0);
            encoder.open(info.width(), info.height(), fps);
            int frames = 0;
            while (frames < options.maxFrames()) {
                DecodeEvent e = decoder.next();
                if (e instanceof DecodedFrame f) {
                    encoder.encode(f.bgr(), frames);
                    frames++;
                } else if (e == DecodeEvent.Signal.END_OF_STREAM) {
                    break;
                }
            }
            encoder.finish();
            return new Result(frames, encoder.keyframes, fps);
        }
    }

    /** One output file: scaler, encoder and muxer, freed together. */
    private static final class Encoder implements AutoCloseable {
        private final Path path;
        private final Options options;
        private AVFormatContext muxer;
        private AVCodecContext codec;
        private AVStream stream;
        private SwsContext sws;
        private AVFrame yuv;
        private AVPacket packet;
        private BytePointer bgrBuffer;
        private final PointerPointer<BytePointer> srcData = new PointerPointer<>(4);
        private final IntPointer srcLinesize = new IntPointer(4);
        private int srcWidth;
        private int srcHeight;
        int keyframes;

        Encoder(Path path, Options options) {
            this.path = path;
            this.options = options;
        }

        void open(int inWidth, int inHeight, double fps) throws FFmpegException {
            String file = path.toAbsolutePath().toString();
            muxer = new AVFormatContext(null);
            check(avformat_alloc_output_context2(muxer, null, null, file), "choose a container");
            AVCodec h264 = avcodec_find_encoder_by_name("libopenh264");
            if (h264 == null) {
                throw new FFmpegException("FFmpeg has no libopenh264 encoder in this build", 0);
            }
            codec = avcodec_alloc_context3(h264);
            int fpsNum = (int) Math.round(fps * 1000);
            codec.width(options.width())
                    .height(options.height())
                    .pix_fmt(AV_PIX_FMT_YUV420P)
                    .time_base(new AVRational().num(1000).den(fpsNum))
                    .framerate(new AVRational().num(fpsNum).den(1000))
                    .gop_size(options.gop())
                    .max_b_frames(0)
                    .bit_rate(options.bitRate());
            if ((muxer.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                codec.flags(codec.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            check(avcodec_open2(codec, h264, (AVDictionary) null), "open the H.264 encoder");
            stream = avformat_new_stream(muxer, null);
            check(avcodec_parameters_from_context(stream.codecpar(), codec), "set stream params");
            stream.time_base(codec.time_base());
            stream.avg_frame_rate(codec.framerate());
            if ((muxer.oformat().flags() & AVFMT_NOFILE) == 0) {
                AVIOContext io = new AVIOContext(null);
                check(avio_open(io, file, AVIO_FLAG_WRITE), "create the file");
                muxer.pb(io);
            }
            check(avformat_write_header(muxer, (AVDictionary) null), "write the header");
            prepareScaler(inWidth, inHeight);
            packet = av_packet_alloc();
        }

        private void prepareScaler(int inWidth, int inHeight) throws FFmpegException {
            srcWidth = inWidth;
            srcHeight = inHeight;
            sws =
                    sws_getContext(
                            inWidth,
                            inHeight,
                            AV_PIX_FMT_BGR24,
                            options.width(),
                            options.height(),
                            AV_PIX_FMT_YUV420P,
                            SWS_BILINEAR,
                            null,
                            null,
                            (DoublePointer) null);
            if (sws == null) {
                throw new FFmpegException("cannot scale " + inWidth + "x" + inHeight, 0);
            }
            yuv = av_frame_alloc();
            yuv.format(AV_PIX_FMT_YUV420P).width(options.width()).height(options.height());
            check(av_frame_get_buffer(yuv, 0), "allocate a picture");
            bgrBuffer = new BytePointer((long) inWidth * inHeight * 3);
            srcData.put(0, bgrBuffer);
            srcLinesize.put(0, inWidth * 3);
        }

        void encode(byte[] bgr, long index) throws FFmpegException {
            if (bgr.length != srcWidth * srcHeight * 3) {
                throw new FFmpegException(
                        "the input changed picture size mid-stream; " + path + " is incomplete", 0);
            }
            bgrBuffer.put(bgr, 0, bgr.length);
            check(av_frame_make_writable(yuv), "write a picture");
            sws_scale(sws, srcData, srcLinesize, 0, srcHeight, yuv.data(), yuv.linesize());
            yuv.pts(index);
            check(avcodec_send_frame(codec, yuv), "encode frame " + index);
            drain();
        }

        void finish() throws FFmpegException {
            check(avcodec_send_frame(codec, null), "flush the encoder");
            drain();
            check(av_write_trailer(muxer), "finish the file");
        }

        private void drain() throws FFmpegException {
            while (true) {
                int r = avcodec_receive_packet(codec, packet);
                if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                    return;
                }
                check(r, "encode");
                if ((packet.flags() & AV_PKT_FLAG_KEY) != 0) {
                    keyframes++;
                }
                av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
                packet.stream_index(stream.index());
                int w = av_interleaved_write_frame(muxer, packet);
                av_packet_unref(packet);
                check(w, "write a packet");
            }
        }

        private void check(int code, String what) throws FFmpegException {
            if (code < 0) {
                throw new FFmpegException(
                        "cannot " + what + " for " + path + ": " + FFmpegErrors.describe(code),
                        code);
            }
        }

        @Override
        public void close() {
            if (packet != null) {
                av_packet_free(packet);
            }
            if (yuv != null) {
                av_frame_free(yuv);
            }
            if (sws != null) {
                sws_freeContext(sws);
            }
            if (bgrBuffer != null) {
                bgrBuffer.close();
            }
            srcData.close();
            srcLinesize.close();
            if (codec != null) {
                avcodec_free_context(codec);
            }
            if (muxer != null) {
                if (muxer.pb() != null && (muxer.oformat().flags() & AVFMT_NOFILE) == 0) {
                    avio_closep(muxer.pb());
                    muxer.pb(null);
                }
                avformat_free_context(muxer);
            }
        }
    }
}
