package io.frameflow.ingest.ffmpeg;

/** What one step of {@link FFmpegDecoder} produced. */
public sealed interface DecodeEvent {

    /**
     * A decoded picture.
     *
     * @param ptsMicros strictly increasing presentation timestamp, microseconds from the stream's
     *     start (see {@link FFmpegDecoder} for the rule)
     * @param wallClockMicros the sender's wall-clock time of the picture in epoch microseconds,
     *     from RTCP sender reports, or {@link SenderReportClock#UNKNOWN}
     * @param width picture width
     * @param height picture height
     * @param damaged the decoder concealed errors in this picture, or its packet was flagged
     *     corrupt
     * @param bgr packed BGR24 pixels owned by this frame; {@code null} when the frame was skipped
     */
    record DecodedFrame(
            long ptsMicros,
            long wallClockMicros,
            int width,
            int height,
            boolean damaged,
            byte[] bgr)
            implements DecodeEvent {

        /** True when {@link #wallClockMicros()} holds the sender's time. */
        public boolean hasWallClock() {
            return wallClockMicros != SenderReportClock.UNKNOWN;
        }
    }

    /**
     * A packet the decoder rejected; the frame it carried is lost, the stream goes on.
     *
     * @param reason FFmpeg's error text with the packet's position, for a person
     */
    record RejectedPacket(String reason) implements DecodeEvent {}

    /** Events without data. */
    enum Signal implements DecodeEvent {
        /** The stream ended and the decoder was drained; there is nothing more. */
        END_OF_STREAM,
        /** {@link FFmpegDecoder#interrupt()} stopped a blocked read; call again to go on. */
        INTERRUPTED
    }
}
