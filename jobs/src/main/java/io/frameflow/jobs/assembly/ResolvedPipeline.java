package io.frameflow.jobs.assembly;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * A pipeline ready to run: the job's parts plus what the command line shows about it.
 *
 * @param name the job name
 * @param parts the job's source, model and sinks
 * @param streams one line per stream (id, redacted URI, what FFmpeg found), for the user
 * @param totalFrames frames the job will analyse, when every stream is a file that records its
 *     length
 * @param outputs where results go, for the user (directories, topics, tables, video)
 * @param resultDirectories the directories of the JSON Lines sinks
 * @param checkpointInterval time between checkpoints
 */
public record ResolvedPipeline(
        String name,
        FrameflowJob.Parts parts,
        List<String> streams,
        OptionalLong totalFrames,
        List<String> outputs,
        List<java.nio.file.Path> resultDirectories,
        Duration checkpointInterval) {

    /** This pipeline with other job parts. */
    public ResolvedPipeline withParts(FrameflowJob.Parts newParts) {
        return new ResolvedPipeline(
                name,
                newParts,
                streams,
                totalFrames,
                outputs,
                resultDirectories,
                checkpointInterval);
    }
}
