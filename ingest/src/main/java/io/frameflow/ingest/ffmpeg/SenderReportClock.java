package io.frameflow.ingest.ffmpeg;

/**
 * Maps a frame's presentation timestamp to the sender's wall clock.
 *
 * <p>FFmpeg's RTSP demuxer sets {@code AVFormatContext.start_time_realtime} when the first RTCP
 * sender report of the session arrives: the report pairs an NTP wall-clock time with an RTP
 * timestamp, and FFmpeg moves that pair back to the RTP timestamp its presentation timestamps count
 * from, so {@code start_time_realtime} (epoch microseconds) is the wall-clock time of PTS 0. Before
 * the first report, and for every other kind of input, it is {@code AV_NOPTS_VALUE}. A frame's
 * wall-clock time is therefore {@code start_time_realtime + pts}, with the PTS measured from
 * FFmpeg's origin, not from the stream's first frame: the decoder reports PTS relative to the
 * stream's {@code start_time}, which has to be added back.
 *
 * <p>The result is the camera's clock, not ours: a camera whose clock is off gives times that are
 * off by as much.
 */
public final class SenderReportClock {
    /** No wall-clock time known. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private SenderReportClock() {}

    /**
     * The sender's wall-clock time of a frame in epoch microseconds, or {@link #UNKNOWN}.
     *
     * @param startTimeRealtime FFmpeg's {@code start_time_realtime}: epoch microseconds of PTS 0,
     *     or {@code AV_NOPTS_VALUE} ({@code Long.MIN_VALUE}) when unknown
     * @param streamStartMicros the stream's {@code start_time} in microseconds: what the decoder
     *     subtracted from every PTS
     * @param ptsMicros the frame's PTS in microseconds from the stream's start
     */
    public static long wallClockMicros(
            long startTimeRealtime, long streamStartMicros, long ptsMicros) {
        // 0 is what a demuxer that never set the field may leave; no camera reports 1970
        if (startTimeRealtime == Long.MIN_VALUE || startTimeRealtime <= 0) {
            return UNKNOWN;
        }
        return startTimeRealtime + streamStartMicros + ptsMicros;
    }
}
