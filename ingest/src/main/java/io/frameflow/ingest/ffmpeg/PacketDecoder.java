package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_COPY_OPAQUE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_BITSTREAM;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_BUFFER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_CRCCHECK;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import io.frameflow.common.VideoCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Decodes one stream from packets handed to it one at a time (an H.264/H.265 access unit in Annex-B
 * form, or a JPEG), rather than from a file or URI as {@link FFmpegDecoder} does. Each packet
 * carries its sequence number into the decoder ({@code AV_CODEC_FLAG_COPY_OPAQUE}), so that every
 * picture that comes out names the packet it was decoded from, even when the codec reorders
 * pictures. Damage is detected as in {@link FFmpegDecoder} ({@code err_recognition} checks, {@code
 * decode_error_flags}, {@code AV_FRAME_FLAG_CORRUPT}).
 *
 * <p>The decoder uses slice threads only: frame threads hold pictures back, and a live stream's
 * last pictures must come out without waiting for more packets. The packet, frame, input buffer and
 * conversion buffer are allocated once (the input buffer grows to the largest packet) and reused
 * for every packet. One thread uses a decoder.
 */
public final class PacketDecoder implements AutoCloseable {
    static final int FF_THREAD_SLICE = 2; // libavcodec/avcodec.h; not exported by the presets

    /** Receives what one {@link #decode} call produced. */
    public interface FrameSink {
        /**
         * Whether the picture of packet {@code seq} is wanted; an unwanted picture is decoded (the
         * pictures after it may refer to it) but not converted or delivered.
         */
        boolean wanted(long seq);

        /** A decoded picture, packed BGR24, of the packet numbered {@code seq}. */
        void frame(long seq, int width, int height, boolean damaged, byte[] bgr);
    }

    private final VideoCodec codec;
    private final AVCodecContext context;
    private final AVPacket packet;
    private final AVFrame frame;
    private final BgrConverter converter = new BgrConverter();
    private final SeqPointer seqPointer = new SeqPointer();
    private BytePointer input;
    private long inputCapacity;

    /**
     * Opens a decoder for {@code codec}.
     *
     * @param threads slice threads, 0 = one per core
     * @throws FFmpegException when this FFmpeg build has no decoder for the codec or cannot start
     *     it
     */
    public PacketDecoder(VideoCodec codec, int threads) throws FFmpegException {
        FFmpegLogBridge.install();
        this.codec = codec;
        AVCodec decoder = avcodec_find_decoder_by_name(codec.wireName());
        if (decoder == null) {
            throw new FFmpegException("no FFmpeg decoder for codec '" + codec.wireName() + "'", 0);
        }
        AVCodecContext ctx = avcodec_alloc_context3(decoder);
        ctx.thread_count(threads);
        ctx.thread_type(FF_THREAD_SLICE);
        ctx.flags(ctx.flags() | AV_CODEC_FLAG_COPY_OPAQUE);
        // as in FFmpegDecoder: without these checks some decoders conceal damage silently
        ctx.err_recognition(AV_EF_CRCCHECK | AV_EF_BITSTREAM | AV_EF_BUFFER);
        int r = avcodec_open2(ctx, decoder, (AVDictionary) null);
        if (r < 0) {
            avcodec_free_context(ctx);
            throw new FFmpegException(
                    "cannot start the "
                            + codec.wireName()
                            + " decoder: "
                            + FFmpegErrors.describe(r),
                    r);
        }
        this.context = ctx;
        this.packet = av_packet_alloc();
        this.frame = av_frame_alloc();
    }

    /** The codec this decoder was opened for. */
    public VideoCodec codec() {
        return codec;
    }

    /**
     * Decodes one packet: {@code prefix} (e.g. parameter sets sent beside a keyframe; may be empty)
     * followed by {@code data}, and hands every picture that becomes ready to {@code sink}.
     *
     * @param seq the packet's sequence number, reported with its picture
     * @return null when the decoder took the packet, else FFmpeg's reason for refusing it (the
     *     packet's picture is lost; the decoder can go on)
     * @throws FFmpegException when a picture cannot be converted to BGR24
     */
    public String decode(long seq, byte[] prefix, byte[] data, FrameSink sink)
            throws FFmpegException {
        fillPacket(seq, prefix, data);
        int r = avcodec_send_packet(context, packet);
        while (r == AVERROR_EAGAIN()) {
            // the decoder wants its pictures taken before it takes more input
            String error = receive(sink);
            if (error != null) {
                return error;
            }
            r = avcodec_send_packet(context, packet);
        }
        if (r < 0 && r != AVERROR_EOF) {
            return FFmpegErrors.describe(r);
        }
        return receive(sink);
    }

    private void fillPacket(long seq, byte[] prefix, byte[] data) {
        long size = (long) prefix.length + data.length;
        ensureInput(size + AV_INPUT_BUFFER_PADDING_SIZE);
        input.position(0).put(prefix, 0, prefix.length);
        input.position(prefix.length).put(data, 0, data.length);
        // indexes are relative to the position: go back to the start before writing the padding
        input.position(0);
        // FFmpeg's parsers may read past the end: the padding must be zero
        for (int i = 0; i < AV_INPUT_BUFFER_PADDING_SIZE; i++) {
            input.put(size + i, (byte) 0);
        }
        // +1: an opaque value of 0 is a null pointer, which would be indistinguishable from none
        seqPointer.set(seq + 1);
        packet.data(input).size((int) size).opaque(seqPointer);
    }

    private String receive(FrameSink sink) throws FFmpegException {
        while (true) {
            int r = avcodec_receive_frame(context, frame);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                return null;
            }
            if (r < 0) {
                return FFmpegErrors.describe(r);
            }
            try {
                deliver(sink);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    private void deliver(FrameSink sink) throws FFmpegException {
        Pointer opaque = frame.opaque();
        long seq = opaque == null ? -1 : opaque.address() - 1;
        if (seq < 0 || !sink.wanted(seq)) {
            return;
        }
        boolean damaged =
                frame.decode_error_flags() != 0
                        || (frame.flags() & FFmpegDecoder.AV_FRAME_FLAG_CORRUPT) != 0;
        byte[] bgr = converter.convert(frame);
        sink.frame(seq, frame.width(), frame.height(), damaged, bgr);
    }

    /** Forgets every reference picture and buffered packet: the next packet must be a keyframe. */
    public void reset() {
        avcodec_flush_buffers(context);
    }

    private void ensureInput(long size) {
        if (input != null && inputCapacity >= size) {
            return;
        }
        freeInput();
        // grow in steps, so that a stream whose keyframes slowly get larger does not reallocate
        // on each of them
        long capacity = Math.max(size, Math.max(64 * 1024, inputCapacity * 2));
        input = new BytePointer(av_malloc(capacity)).capacity(capacity);
        if (input.isNull()) {
            throw new OutOfMemoryError("cannot allocate " + capacity + " bytes for a packet");
        }
        inputCapacity = capacity;
    }

    private void freeInput() {
        if (input != null) {
            av_free(input);
            input = null;
            inputCapacity = 0;
        }
    }

    /** Frees every native resource; the decoder cannot be used afterwards. */
    @Override
    public void close() {
        // the packet points into our buffer without owning it: detach it before freeing both
        packet.data(null).size(0);
        av_packet_free(packet);
        av_frame_free(frame);
        avcodec_free_context(context);
        freeInput();
        converter.close();
        seqPointer.close();
    }

    /** A pointer whose address is a number, to pass a sequence number through {@code opaque}. */
    private static final class SeqPointer extends Pointer {
        void set(long value) {
            address = value;
        }
    }
}
