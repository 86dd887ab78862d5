package io.frameflow.sinks.file;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.sinks.json.DeadLetterJson;
import io.frameflow.sinks.json.FrameResultJson;
import io.frameflow.sinks.json.JsonWriter;
import java.util.regex.Pattern;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

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

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private JsonLinesFileSink() {}

    /** A sink writing analysed frames ({@link FrameResultJson}) to {@code directory}. */
    public static FileSink<FrameResult> forResults(String directory, String filePrefix) {
        return build(directory, filePrefix, FrameResultJson::write);
    }

    /** A sink writing dead letters ({@link DeadLetterJson}) to {@code directory}. */
    public static FileSink<DeadLetter> forDeadLetters(String directory, String filePrefix) {
        return build(directory, filePrefix, DeadLetterJson::write);
    }

    private static <T> FileSink<T> build(String directory, String prefix, JsonWriter<T> writer) {
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
        return FileSink.forRowFormat(new Path(directory), new JsonLinesEncoder<>(writer))
                // one flat directory: the demo contract is "a .jsonl file in DIR"
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix(prefix)
                                .withPartSuffix(SUFFIX)
                                .build())
                .build();
    }
}
