package io.frameflow.sinks.file;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.sinks.json.DeadLetterJson;
import io.frameflow.sinks.json.FrameResultJson;
import io.frameflow.sinks.json.JsonWriter;
import io.frameflow.sinks.json.TrackEventJson;
import io.frameflow.sinks.json.WindowResultJson;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;

/**
 * JSON Lines files in one directory, one JSON object per line. A {@code jsonl} sink of a pipeline
 * writes frame results to its directory and dead letters, window results and track events to the
 * subdirectories {@value #DEAD_LETTERS_SUBDIRECTORY}, {@value #WINDOWS_SUBDIRECTORY} and {@value
 * #EVENTS_SUBDIRECTORY}, each through a sink of its own with the same rolling policy.
 *
 * <p>Delivery: <b>exactly-once with checkpointing enabled</b>. Each parallel writer appends to a
 * hidden in-progress file ({@code .PREFIX-….jsonl.inprogress.…}); when a checkpoint completes, the
 * files it covers are renamed to {@code PREFIX-<uuid>-<subtask>-<n>.jsonl} and never touched again.
 * After a failure, the job restarts from the last checkpoint and discards what was written after
 * it, so every record appears in exactly one visible file once. Without checkpointing no file is
 * ever committed: the job assembly always enables it.
 */
public final class JsonLinesFileSink {
    /** File suffix of committed files. */
    public static final String SUFFIX = ".jsonl";

    /** A part file is closed once it reaches this size. */
    public static final long MAX_PART_BYTES = 128L << 20;

    /** Subdirectory (and file prefix) of dead letters in a {@code jsonl} sink's directory. */
    public static final String DEAD_LETTERS_SUBDIRECTORY = "dead-letters";

    /** Subdirectory (and file prefix) of window results in a {@code jsonl} sink's directory. */
    public static final String WINDOWS_SUBDIRECTORY = "windows";

    /** Subdirectory (and file prefix) of track events in a {@code jsonl} sink's directory. */
    public static final String EVENTS_SUBDIRECTORY = "events";

    /** Default age at which a part file is closed (and made visible at the next checkpoint). */
    public static final Duration DEFAULT_ROLL_INTERVAL = Duration.ofMinutes(1);

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private JsonLinesFileSink() {}

    /** A sink writing analysed frames ({@link FrameResultJson}) to {@code directory}. */
    public static FileSink<FrameResult> forResults(
            String directory, String filePrefix, Duration rollInterval) {
        return build(directory, filePrefix, rollInterval, FrameResultJson::write);
    }

    /** A sink writing dead letters ({@link DeadLetterJson}) to {@code directory}. */
    public static FileSink<DeadLetter> forDeadLetters(
            String directory, String filePrefix, Duration rollInterval) {
        return build(directory, filePrefix, rollInterval, DeadLetterJson::write);
    }

    /**
     * A sink writing window results ({@link WindowResultJson}) to {@code directory}, by convention
     * the {@value #WINDOWS_SUBDIRECTORY} subdirectory of a {@code jsonl} sink's directory. A late
     * firing of a window is one more line with a higher {@code revision}.
     */
    public static FileSink<WindowResult> forWindowResults(
            String directory, String filePrefix, Duration rollInterval) {
        return build(directory, filePrefix, rollInterval, WindowResultJson::write);
    }

    /**
     * A sink writing track events ({@link TrackEventJson}) to {@code directory}, by convention the
     * {@value #EVENTS_SUBDIRECTORY} subdirectory of a {@code jsonl} sink's directory.
     */
    public static FileSink<TrackEvent> forTrackEvents(
            String directory, String filePrefix, Duration rollInterval) {
        return build(directory, filePrefix, rollInterval, TrackEventJson::write);
    }

    private static <T> FileSink<T> build(
            String directory, String prefix, Duration rollInterval, JsonWriter<T> writer) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("jsonl sink: 'path' must name a directory");
        }
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "jsonl sink: file prefix '"
                            + prefix
                            + "' must be letters, digits, '.', '_' or '-', starting with a letter"
                            + " or digit");
        }
        if (rollInterval == null || rollInterval.isNegative() || rollInterval.isZero()) {
            throw new IllegalArgumentException(
                    "jsonl sink: roll-interval must be a positive duration, got " + rollInterval);
        }
        return FileSink.forRowFormat(new Path(directory), new JsonLinesEncoder<>(writer))
                // one flat directory: the demo contract is "a .jsonl file in DIR"
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(
                        DefaultRollingPolicy.builder()
                                .withRolloverInterval(rollInterval)
                                .withInactivityInterval(rollInterval)
                                .withMaxPartSize(MemorySize.parse(MAX_PART_BYTES + "b"))
                                .build())
                .withBucketCheckInterval(Math.min(rollInterval.toMillis(), 10_000L))
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix(prefix)
                                .withPartSuffix(SUFFIX)
                                .build())
                .build();
    }
}
