package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import io.frameflow.ingest.uri.StreamUri;
import java.time.Duration;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The demuxer side of a stream: opens the container or network session with FFmpeg's options and an
 * interrupt deadline, picks the best video stream and reads its packets.
 */
final class FFmpegInput implements AutoCloseable {

    /** What one {@link #read} produced. */
    enum ReadResult {
        /** The packet holds the next packet of the video stream. */
        PACKET,
        /** The stream ended. */
        END,
        /** {@link #interrupt()} stopped the read; nothing was read. */
        INTERRUPTED
    }

    private final StreamUri uri;
    private final DecoderOptions options;
    private final FFmpegInterrupts.Deadline deadline = new FFmpegInterrupts.Deadline();
    private Duration stallTimeout;
    private AVFormatContext fmt;
    private long fmtAddress;
    private AVStream stream;
    private int streamIndex = -1;

    FFmpegInput(StreamUri uri, DecoderOptions options) {
        this.uri = uri;
        this.options = options;
    }

    /**
     * Opens the input and finds its video stream, all within the open timeout.
     *
     * @throws FFmpegException when it cannot be opened, has no video stream, or was interrupted
     */
    void open() throws FFmpegException {
        fmt = avformat_alloc_context();
        if (fmt == null) {
            throw new OutOfMemoryError("cannot allocate an FFmpeg format context");
        }
        fmtAddress = fmt.address();
        FFmpegInterrupts.attach(fmt, deadline);
        AVDictionary dict = networkOptions();
        int r;
        deadline.arm(options.openTimeout());
        try {
            // on failure FFmpeg frees the context and clears our pointer
            r = avformat_open_input(fmt, uri.ffmpegUrl(), (AVInputFormat) null, dict);
            if (r < 0) {
                fmt = null;
                throw openFailure(r, FFmpegErrors.describe(r));
            }
            r = avformat_find_stream_info(fmt, (PointerPointer<?>) null);
            if (r < 0) {
                throw openFailure(r, FFmpegErrors.describe(r));
            }
        } finally {
            deadline.disarm();
            av_dict_free(dict);
        }
        streamIndex = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (streamIndex < 0) {
            throw new FFmpegException("cannot open " + uri + ": no video stream", streamIndex);
        }
        stream = fmt.streams(streamIndex);
        for (int i = 0; i < fmt.nb_streams(); i++) {
            if (i != streamIndex) {
                fmt.streams(i).discard(AVDISCARD_ALL);
            }
        }
    }

    /** Called while the deadline is still armed, so that it can tell a timeout from an error. */
    private FFmpegException openFailure(int code, String text) {
        if (deadline.isInterrupted()) {
            return new FFmpegInterruptedException("opening " + uri + " was interrupted");
        }
        // some demuxers (RTSP) turn the callback's exit into an error of their own
        if (code == AVERROR_EXIT || deadline.expired()) {
            return new FFmpegException(
                    "cannot open "
                            + uri
                            + ": no answer within "
                            + describe(options.openTimeout())
                            + " ("
                            + DecoderOptions.OPEN_TIMEOUT
                            + ")",
                    code);
        }
        return new FFmpegException("cannot open " + uri + ": " + text, code);
    }

    private AVDictionary networkOptions() {
        AVDictionary dict = new AVDictionary(null);
        if (uri.isLocalFile()) {
            return dict;
        }
        // The interrupt deadline bounds every blocking call and gives the timeout message. The
        // socket timeouts, at twice the longer of the two timeouts, are only a backstop for
        // protocol code that waits without polling the interrupt callback.
        Duration longer =
                options.openTimeout().compareTo(options.readTimeout()) > 0
                        ? options.openTimeout()
                        : options.readTimeout();
        String backstop = Long.toString(longer.toNanos() / 1000 * 2);
        av_dict_set(dict, "rw_timeout", backstop, 0);
        // FFmpeg analyses up to 5 s of a stream to estimate its frame rate: on a 720p camera at
        // 10 fps that was 2.9 s before the first frame (and again after every reconnect). Half a
        // second still finds codec, size and frame rate (0.8 s to the first frame).
        av_dict_set(dict, "analyzeduration", LIVE_ANALYZE_MICROS, 0);
        if (uri.kind() == StreamUri.Kind.RTSP) {
            av_dict_set(dict, "rtsp_transport", options.rtspTransport().ffmpegName(), 0);
            av_dict_set(dict, "timeout", backstop, 0);
        }
        return dict;
    }

    private static final String LIVE_ANALYZE_MICROS = "500000";

    AVStream stream() {
        return stream;
    }

    AVFormatContext format() {
        return fmt;
    }

    /**
     * Reads the next packet of the video stream into {@code packet} (the caller unrefs it), within
     * the read timeout.
     *
     * @throws FFmpegException when the read fails or times out
     */
    ReadResult read(AVPacket packet) throws FFmpegException {
        while (true) {
            deadline.arm(options.readTimeout());
            int r;
            try {
                r = av_read_frame(fmt, packet);
            } finally {
                deadline.disarm();
            }
            if (r >= 0) {
                if (packet.stream_index() == streamIndex) {
                    return ReadResult.PACKET;
                }
                av_packet_unref(packet);
                checkStall();
                continue;
            }
            if (r == AVERROR_EOF) {
                return ReadResult.END;
            }
            if (r == AVERROR_EXIT && deadline.isInterrupted()) {
                return ReadResult.INTERRUPTED;
            }
            if (r == AVERROR_EXIT) {
                checkStall();
            }
            if (r == AVERROR_EXIT) {
                throw new FFmpegException(
                        "no data from "
                                + uri
                                + " within "
                                + describe(options.readTimeout())
                                + " ("
                                + DecoderOptions.READ_TIMEOUT
                                + ")",
                        r);
            }
            throw new FFmpegException(
                    "cannot read from " + uri + ": " + FFmpegErrors.describe(r), r);
        }
    }

    /**
     * From now on, a picture must arrive every {@code timeout}: {@link #frameArrived()} restarts
     * the clock, and a read that would run past it throws {@link FFmpegStalledException}.
     */
    void watchFrames(Duration timeout) {
        stallTimeout = timeout;
        deadline.armFrameDeadline(timeout);
    }

    /** A picture came out of the decoder: restarts the stall clock, if one runs. */
    void frameArrived() {
        if (stallTimeout != null) {
            deadline.armFrameDeadline(stallTimeout);
        }
    }

    /**
     * Throws when the stall deadline has passed: packets may still arrive (other streams, packets
     * that give no picture), but no picture did.
     */
    void checkStall() throws FFmpegStalledException {
        if (stallTimeout != null && deadline.frameExpired()) {
            throw new FFmpegStalledException(
                    "no picture from "
                            + uri
                            + " within "
                            + describe(stallTimeout)
                            + " (stall-timeout)");
        }
    }

    /**
     * Makes a blocked open or read return now, and the next ones too until {@link
     * #clearInterrupt()}. Safe from any thread.
     */
    void interrupt() {
        deadline.interrupt();
    }

    void clearInterrupt() {
        deadline.clearInterrupt();
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        // a network close may talk to the server (RTSP TEARDOWN): never let it block
        deadline.interrupt();
        if (fmt != null) {
            avformat_close_input(fmt);
            fmt = null;
        }
        if (fmtAddress != 0) {
            FFmpegInterrupts.detach(fmtAddress, deadline);
            fmtAddress = 0;
        }
    }
}
