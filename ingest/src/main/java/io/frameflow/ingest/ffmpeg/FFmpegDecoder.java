package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONKEY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_BITSTREAM;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_BUFFER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_CRCCHECK;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.frameflow.ingest.ffmpeg.DecodeEvent.DecodedFrame;
import io.frameflow.ingest.ffmpeg.DecodeEvent.RejectedPacket;
import io.frameflow.ingest.ffmpeg.DecodeEvent.Signal;
import io.frameflow.ingest.uri.StreamUri;
import java.util.OptionalDouble;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Decodes the best video stream of a file or network URI with FFmpeg (JavaCPP presets), one event
 * at a time: a picture as packed BGR24, a packet the decoder rejected, or the end of the stream.
 * Unlike JavaCV's grabber it reports damage: a picture in which FFmpeg concealed errors ({@code
 * decode_error_flags}, {@code AV_FRAME_FLAG_CORRUPT}) or whose packet the demuxer flagged corrupt
 * comes out marked {@code damaged}. The decoder runs FFmpeg's CRC, bitstream and buffer checks
 * ({@code err_recognition}), without which some decoders conceal damage without saying so.
 *
 * <p>Timestamps: {@code best_effort_timestamp} minus the stream's start time, in microseconds, made
 * strictly increasing: a frame without a timestamp, or with one not later than the previous
 * frame's, gets the previous one plus one frame duration (1 / average frame rate, else 1 / real
 * frame rate, else 40 ms).
 *
 * <p>Wall clock: where the demuxer knows the sender's wall-clock time of the stream's start (FFmpeg
 * sets {@code AVFormatContext.start_time_realtime} for RTSP from the first RTCP sender report), a
 * frame also carries its sender wall-clock time, see {@link SenderReportClock}.
 *
 * <p>With {@link DecoderOptions#keyframesOnly()} the decoder discards every frame that is not a key
 * frame before decoding it; {@link #discardedFrames()} counts them.
 *
 * <p>One thread uses a decoder; only {@link #interrupt()} may be called from another. The packet,
 * frame and conversion buffer are allocated once and reused for every frame.
 */
public final class FFmpegDecoder implements AutoCloseable {
    static final int AV_FRAME_FLAG_CORRUPT = 1; // libavutil/frame.h; not exported by the presets
    private static final long DEFAULT_FRAME_MICROS = 40_000;

    private final StreamUri uri;
    private final DecoderOptions options;
    private final FFmpegInput input;
    private final BgrConverter converter = new BgrConverter();
    private final CorruptPackets corruptPackets = new CorruptPackets();
    private AVCodecContext codec;
    private AVPacket packet;
    private AVFrame frame;
    private AVRational micros;
    private AVRational timeBase;
    private long startTime;
    private long startMicros;
    private long discardedFrames;
    private MonotonicPts pts;
    private StreamInfo info;
    private boolean needPacket;
    private boolean packetPending;
    private boolean draining;
    private boolean ended;
    private long packetCount;

    public FFmpegDecoder(StreamUri uri, DecoderOptions options) {
        FFmpegLogBridge.install();
        this.uri = uri;
        this.options = options;
        this.input = new FFmpegInput(uri, options);
    }

    /**
     * Opens the stream and its decoder.
     *
     * @return what FFmpeg knows about the stream
     * @throws FFmpegInterruptedException when {@link #interrupt()} stopped the open
     * @throws FFmpegException when it cannot be opened: missing file, not a video, no video stream,
     *     no decoder for its codec, no answer within the open timeout
     */
    public StreamInfo open() throws FFmpegException {
        if (info != null) {
            throw new IllegalStateException(uri + " is already open");
        }
        input.open();
        AVStream stream = input.stream();
        codec = openCodec(stream);
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        micros = new AVRational().num(1).den(1_000_000);
        timeBase = stream.time_base();
        startTime = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
        startMicros = av_rescale_q(startTime, timeBase, micros);
        info = StreamInfo.of(stream);
        OptionalDouble fps = info.frameRate();
        pts =
                new MonotonicPts(
                        fps.isPresent()
                                ? Math.max(1, Math.round(1e6 / fps.getAsDouble()))
                                : DEFAULT_FRAME_MICROS);
        needPacket = false;
        return info;
    }

    private AVCodecContext openCodec(AVStream stream) throws FFmpegException {
        AVCodecParameters par = stream.codecpar();
        String name = avcodec_get_name(par.codec_id()).getString();
        AVCodec decoder = avcodec_find_decoder(par.codec_id());
        if (decoder == null) {
            throw new FFmpegException(
                    "cannot open " + uri + ": no decoder for codec '" + name + "'", 0);
        }
        AVCodecContext ctx = avcodec_alloc_context3(decoder);
        int r = avcodec_parameters_to_context(ctx, par);
        if (r >= 0) {
            ctx.thread_count(options.decoderThreads());
            if (!uri.isLocalFile()) {
                // frame threads hold back one frame per thread: on a live stream that is latency,
                // and the frames still held when the camera drops are lost. Slices only.
                ctx.thread_type(PacketDecoder.FF_THREAD_SLICE);
            }
            // Without these checks (FFmpeg's default is none) decoders such as msmpeg4 conceal
            // damage without flagging the frame. They only detect; EXPLODE is left out so that a
            // damaged picture is still concealed and delivered, marked damaged.
            ctx.err_recognition(AV_EF_CRCCHECK | AV_EF_BITSTREAM | AV_EF_BUFFER);
            ctx.pkt_timebase(stream.time_base());
            if (options.keyframesOnly()) {
                // the decoder parses a non-key packet's header only, and returns no picture
                ctx.skip_frame(AVDISCARD_NONKEY);
            }
            r = avcodec_open2(ctx, decoder, (AVDictionary) null);
        }
        if (r < 0) {
            avcodec_free_context(ctx);
            throw new FFmpegException(
                    "cannot open "
                            + uri
                            + ": cannot start the "
                            + name
                            + " decoder: "
                            + FFmpegErrors.describe(r),
                    r);
        }
        return ctx;
    }

    /** What {@link #open()} returned. */
    public StreamInfo info() {
        checkOpen();
        return info;
    }

    /** The next picture (with pixels), rejected packet or end of stream. */
    public DecodeEvent next() throws FFmpegException {
        return step(true);
    }

    /** Like {@link #next()}, but a picture comes without pixels: cheaper, for skipping ahead. */
    public DecodeEvent skip() throws FFmpegException {
        return step(false);
    }

    private DecodeEvent step(boolean withPixels) throws FFmpegException {
        checkOpen();
        while (!ended) {
            if (!needPacket) {
                DecodeEvent e = receive(withPixels);
                if (e != null) {
                    return e;
                }
                continue;
            }
            if (!packetPending) {
                FFmpegInput.ReadResult rr = input.read(packet);
                if (rr == FFmpegInput.ReadResult.INTERRUPTED) {
                    return Signal.INTERRUPTED;
                }
                if (rr == FFmpegInput.ReadResult.END) {
                    // a null packet switches the decoder to draining: it gives out what it holds
                    avcodec_send_packet(codec, null);
                    draining = true;
                    needPacket = false;
                    continue;
                }
                packetCount++;
            }
            DecodeEvent rejected = send();
            if (rejected != null) {
                return rejected;
            }
            input.checkStall();
        }
        return Signal.END_OF_STREAM;
    }

    /** Receives one frame; null when the decoder needs a packet first (or just ended). */
    private DecodeEvent receive(boolean withPixels) throws FFmpegException {
        int r = avcodec_receive_frame(codec, frame);
        if (r >= 0) {
            try {
                return toEvent(withPixels);
            } finally {
                av_frame_unref(frame);
            }
        }
        if (r == AVERROR_EOF || (r == AVERROR_EAGAIN() && draining)) {
            ended = true;
            return null;
        }
        needPacket = true;
        if (r == AVERROR_EAGAIN()) {
            return null;
        }
        // some decoders (notably with frame threads) report a bad packet here instead of on send
        return new RejectedPacket(
                FFmpegErrors.describe(r)
                        + " (reported by the decoder after packet "
                        + packetCount
                        + ")");
    }

    /** Sends the packet just read; a RejectedPacket when the decoder refuses it. */
    private DecodeEvent send() {
        int r = avcodec_send_packet(codec, packet);
        if (r == AVERROR_EAGAIN()) {
            // the decoder wants its frames taken first; keep the packet and send it again after
            packetPending = true;
            needPacket = false;
            return null;
        }
        packetPending = false;
        needPacket = false;
        try {
            if ((packet.flags() & AV_PKT_FLAG_CORRUPT) != 0) {
                corruptPackets.add(packet.pts());
            }
            if (options.keyframesOnly() && r >= 0 && (packet.flags() & AV_PKT_FLAG_KEY) == 0) {
                discardedFrames++;
            }
            if (r < 0 && r != AVERROR_EOF) {
                return new RejectedPacket(FFmpegErrors.describe(r) + " (" + describePacket() + ")");
            }
            return null;
        } finally {
            av_packet_unref(packet);
        }
    }

    private String describePacket() {
        StringBuilder sb = new StringBuilder("packet ").append(packetCount);
        if (packet.pos() >= 0) {
            sb.append(" at byte ").append(packet.pos());
        }
        if (packet.pts() != AV_NOPTS_VALUE) {
            sb.append(", pts ").append(av_rescale_q(packet.pts() - startTime, timeBase, micros));
            sb.append(" µs");
        }
        return sb.toString();
    }

    private DecodedFrame toEvent(boolean withPixels) throws FFmpegException {
        long raw = frame.best_effort_timestamp();
        long rawMicros =
                raw == AV_NOPTS_VALUE
                        ? MonotonicPts.NONE
                        : av_rescale_q(raw - startTime, timeBase, micros);
        boolean damaged =
                frame.decode_error_flags() != 0
                        || (frame.flags() & AV_FRAME_FLAG_CORRUPT) != 0
                        || corruptPackets.claim(frame.pts());
        byte[] bgr = withPixels ? converter.convert(frame) : null;
        input.frameArrived();
        long ptsMicros = pts.next(rawMicros);
        // read for every frame: the demuxer sets it only once the first sender report is in. The
        // demuxer's own timestamp, not the smoothed one: after each sender report FFmpeg re-bases
        // RTP times on the report, and a camera whose pictures come faster than its timestamps
        // say gets timestamps that repeat; their smoothed replacements drift from its clock.
        long wallClock =
                rawMicros == MonotonicPts.NONE
                        ? SenderReportClock.UNKNOWN
                        : SenderReportClock.wallClockMicros(
                                input.format().start_time_realtime(), startMicros, rawMicros);
        return new DecodedFrame(ptsMicros, wallClock, frame.width(), frame.height(), damaged, bgr);
    }

    /**
     * Frames discarded undecoded so far because of {@link DecoderOptions#keyframesOnly()}: packets
     * without the key flag that the decoder accepted.
     */
    public long discardedFrames() {
        return discardedFrames;
    }

    /**
     * Watches a live stream for stalls: from now on a picture must come out every {@code
     * stallTimeout}, or {@link #next()} throws {@link FFmpegStalledException}, also while packets
     * keep arriving that give no picture. Call after {@link #open()}.
     */
    public void watchFrames(java.time.Duration stallTimeout) {
        checkOpen();
        input.watchFrames(stallTimeout);
    }

    /**
     * Makes a blocked open or read return now: {@link #open()} throws {@link
     * FFmpegInterruptedException}, {@link #next()} returns {@link Signal#INTERRUPTED}. Every later
     * blocking call returns at once too, until {@link #clearInterrupt()}. Safe from any thread.
     */
    public void interrupt() {
        input.interrupt();
    }

    /** Lets blocking calls wait again after {@link #interrupt()}. */
    public void clearInterrupt() {
        input.clearInterrupt();
    }

    private void checkOpen() {
        if (info == null) {
            throw new IllegalStateException(uri + " is not open");
        }
    }

    /** Frees every native resource; the decoder cannot be used afterwards. */
    @Override
    public void close() {
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
        if (micros != null) {
            micros.close();
            micros = null;
        }
        converter.close();
        input.close();
        info = null;
    }
}
