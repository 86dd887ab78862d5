package io.frameflow.jobs.run;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Formats the progress of a run: frames done (of the total, when known), frames per second over the
 * last few seconds, time elapsed and, with a total, time left.
 */
public final class ProgressLine {
    private final OptionalLong total;
    private final long start;
    private long windowFrames;
    private long windowStart;
    private double fps;

    public ProgressLine(OptionalLong total, long startNanos) {
        this.total = total;
        this.start = startNanos;
        this.windowStart = startNanos;
    }

    /** The line for {@code frames} done by now. */
    public String format(long frames) {
        return format(frames, System.nanoTime());
    }

    String format(long frames, long now) {
        double windowSeconds = (now - windowStart) / 1e9;
        if (windowSeconds >= 3 || fps == 0 && windowSeconds > 0 && frames > 0) {
            fps = (frames - windowFrames) / windowSeconds;
            windowFrames = frames;
            windowStart = now;
        }
        long elapsed = (now - start) / 1_000_000_000L;
        StringBuilder sb = new StringBuilder();
        if (total.isPresent() && total.getAsLong() > 0) {
            long all = total.getAsLong();
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%d/%d frames (%d%%)",
                            frames,
                            all,
                            Math.min(100, frames * 100 / all)));
        } else {
            sb.append(frames).append(" frames");
        }
        sb.append(String.format(Locale.ROOT, ", %.1f frames/s, %d s", fps, elapsed));
        if (total.isPresent() && fps > 0 && frames < total.getAsLong()) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            ", about %d s left",
                            Math.round((total.getAsLong() - frames) / fps)));
        }
        return sb.toString();
    }
}
