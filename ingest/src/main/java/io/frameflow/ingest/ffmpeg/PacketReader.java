package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.frameflow.common.EncodedPacket;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoCodec;
import io.frameflow.ingest.uri.StreamUri;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Reads the compressed packets of a file's or camera's best video stream without decoding them, as
 * {@link EncodedPacket}s ready for the Kafka format: H.264/H.265 as Annex-B access units (MP4, MKV
 * and other length-prefixed streams go through FFmpeg's {@code *_mp4toannexb} filter; raw Annex-B
 * and RTSP pass through), MJPEG as one JPEG per packet. Keyframes carry the codec's parameter sets
 * in {@link EncodedPacket#codecParams()} — from the keyframe's own in-band NAL units, else the last
 * ones seen, else the stream's header.
 *
 * <p>Packets are numbered from 0 in decode order. PTS is in microseconds from the stream's start; a
 * packet without one (raw Annex-B files) gets the previous packet's plus one frame duration.
 * Capture time: files carry their media time ({@link TimeSource#MEDIA}, PTS in ms); network streams
 * the arrival time ({@link TimeSource#ARRIVAL}), see {@link #captureTimeMillis}.
 *
 * <p>One thread uses a reader; only {@link #interrupt()} may be called from another. Opens and
 * reads are bounded by the timeouts of {@link DecoderOptions}; locations in messages are redacted.
 */
public final class PacketReader implements AutoCloseable {
    /** The codecs a reader passes through, by their wire names. */
    public static final String SUPPORTED =
            Arrays.stream(VideoCodec.values())
                    .map(VideoCodec::wireName)
                    .collect(Collectors.joining(", "));

    private static final double DEFAULT_FRAME_RATE = 25;

    private final String streamId;
    private final StreamUri uri;
    private final FFmpegInput input;
    private final Deque<EncodedPacket> ready = new ArrayDeque<>();
    private AVPacket packet;
    private AnnexBFilter filter;
    private VideoCodec codec;
    private StreamInfo info;
    private AVRational timeBase;
    private AVRational micros;
    private long startTime;
    private byte[] lastParams = new byte[0];
    private long frameMicros;
    private long lastPts = EncodedPacket.NO_PTS;
    private long nextSeq;
    private boolean inputEnded;
    private boolean ended;

    public PacketReader(String streamId, StreamUri uri, DecoderOptions options) {
        FFmpegLogBridge.install();
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.input = new FFmpegInput(uri, Objects.requireNonNull(options, "options"));
    }

    /**
     * Opens the input and checks its codec.
     *
     * @throws UnsupportedCodecException when the video is not H.264, H.265 or MJPEG
     * @throws FFmpegException when it cannot be opened (the message says why)
     */
    public StreamInfo open() throws FFmpegException {
        if (info != null) {
            throw new IllegalStateException(uri + " is already open");
        }
        input.open();
        AVStream stream = input.stream();
        codec = codecOf(stream.codecpar().codec_id());
        if (codec != VideoCodec.MJPEG) {
            filter = new AnnexBFilter(codec, stream, "stream '" + streamId + "' (" + uri + ")");
            lastParams = filter.extradata(codec);
        }
        packet = av_packet_alloc();
        timeBase = stream.time_base();
        micros = new AVRational().num(1).den(1_000_000);
        startTime = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
        info = StreamInfo.of(stream);
        frameMicros = Math.max(1, Math.round(1e6 / info.frameRate().orElse(DEFAULT_FRAME_RATE)));
        return info;
    }

    private VideoCodec codecOf(int codecId) throws UnsupportedCodecException {
        if (codecId == AV_CODEC_ID_H264) {
            return VideoCodec.H264;
        }
        if (codecId == AV_CODEC_ID_HEVC) {
            return VideoCodec.H265;
        }
        if (codecId == AV_CODEC_ID_MJPEG) {
            return VideoCodec.MJPEG;
        }
        String name = avcodec_get_name(codecId).getString();
        throw new UnsupportedCodecException(
                "stream '"
                        + streamId
                        + "' ("
                        + uri
                        + ") is "
                        + name
                        + "; only "
                        + SUPPORTED
                        + " can be sent without re-encoding",
                name);
    }

    /** The stream's codec; known after {@link #open()}. */
    public VideoCodec codec() {
        checkOpen();
        return codec;
    }

    /**
     * The next packet in decode order, or null at the end of the stream.
     *
     * @throws FFmpegInterruptedException when {@link #interrupt()} stopped the read
     * @throws FFmpegException when the read fails or times out
     */
    public EncodedPacket next() throws FFmpegException {
        checkOpen();
        while (ready.isEmpty() && !ended) {
            if (inputEnded) {
                drainFilter();
                ended = true;
                break;
            }
            FFmpegInput.ReadResult r = input.read(packet);
            switch (r) {
                case INTERRUPTED ->
                        throw new FFmpegInterruptedException(
                                "reading stream '" + streamId + "' was interrupted");
                case END -> inputEnded = true;
                case PACKET -> accept();
            }
        }
        return ready.poll();
    }

    /** Takes the packet just read: straight through for MJPEG, through the filter otherwise. */
    private void accept() throws FFmpegException {
        if (filter == null) {
            try {
                ready.add(toPacket());
            } finally {
                av_packet_unref(packet);
            }
            return;
        }
        filter.send(packet, where());
        drainFilter();
    }

    private void drainFilter() throws FFmpegException {
        if (filter == null) {
            return;
        }
        if (inputEnded) {
            filter.send(null, where());
        }
        while (filter.receive(packet, where()) == AnnexBFilter.Received.PACKET) {
            try {
                ready.add(toPacket());
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private String where() {
        return "packet " + nextSeq + " of stream '" + streamId + "' (" + uri + ")";
    }

    private EncodedPacket toPacket() {
        byte[] data = new byte[packet.size()];
        packet.data().position(0).capacity(data.length).get(data);
        boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
        long ts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        // raw Annex-B streams carry no timestamps: count frames at the declared rate instead
        long pts =
                ts == AV_NOPTS_VALUE
                        ? (lastPts == EncodedPacket.NO_PTS ? 0 : lastPts + frameMicros)
                        : av_rescale_q(ts - startTime, timeBase, micros);
        lastPts = pts;
        byte[] params = new byte[0];
        if (key && codec != VideoCodec.MJPEG) {
            byte[] inBand = AnnexB.parameterSets(codec, data);
            if (inBand.length > 0) {
                lastParams = inBand;
            }
            params = lastParams;
        }
        return new EncodedPacket(
                streamId,
                nextSeq++,
                codec,
                pts,
                captureTimeMillis(pts),
                timeSource(),
                key,
                params,
                0,
                1,
                data);
    }

    private TimeSource timeSource() {
        return uri.isLocalFile() ? TimeSource.MEDIA : TimeSource.ARRIVAL;
    }

    /**
     * The packet's capture time. Files: the PTS in ms. Network streams: the arrival time. This is
     * the hook for camera wall-clock time: once the RTCP sender-report mapping (NTP time of an RTP
     * timestamp) is exposed for a stream, a packet whose PTS it maps gets that time with {@link
     * TimeSource#SENDER_REPORT} here.
     */
    private long captureTimeMillis(long ptsMicros) {
        if (!uri.isLocalFile()) {
            return System.currentTimeMillis();
        }
        return Math.max(0, ptsMicros / 1000);
    }

    /** What {@link #open()} returned. */
    public StreamInfo info() {
        checkOpen();
        return info;
    }

    /**
     * Makes a blocked open or read return now ({@link FFmpegInterruptedException}), and every later
     * one too. Safe from any thread.
     */
    public void interrupt() {
        input.interrupt();
    }

    private void checkOpen() {
        if (info == null) {
            throw new IllegalStateException(uri + " is not open");
        }
    }

    /** Frees every native resource; the reader cannot be used afterwards. */
    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (filter != null) {
            filter.close();
            filter = null;
        }
        if (micros != null) {
            micros.close();
            micros = null;
        }
        input.close();
        info = null;
    }
}
