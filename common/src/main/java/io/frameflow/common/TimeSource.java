package io.frameflow.common;

/**
 * Where a frame's capture time came from. Consumers that correlate cameras need to know whether a
 * timestamp is the camera's own clock or the moment FrameFlow received the frame.
 */
public enum TimeSource {
    /** The camera's wall clock, mapped through RTCP sender reports (NTP time). */
    SENDER_REPORT,
    /** The time FrameFlow received the frame; used when the source carries no wall clock. */
    ARRIVAL,
    /**
     * The media timestamp of a file, in milliseconds from its start: files have no wall clock, so
     * event time for them is position in the file.
     */
    MEDIA;

    /** The lower-case name used in results and configuration, e.g. {@code "sender_report"}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
