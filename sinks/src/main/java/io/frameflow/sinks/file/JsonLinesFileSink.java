package io.frameflow.sinks.file;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.sinks.json.DeadLetterJson;
import io.frameflow.sinks.json.FrameResultJson;
import io.frameflow.sinks.json.JsonWriter;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;

/**
 * JSON Lines files in one directory, one JSON object per line.
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
