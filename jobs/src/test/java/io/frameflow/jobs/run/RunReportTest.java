package io.frameflow.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.jobs.assembly.LabelStats;
import java.util.List;
import org.apache.flink.runtime.client.JobExecutionException;
import org.junit.jupiter.api.Test;

class RunReportTest {

    private static FrameResult frame(long seq, String... labels) {
        List<Detection> detections =
                java.util.Arrays.stream(labels)
                        .map(l -> new Detection(l, 0, 0.5f, 0, 0, 1, 1))
                        .toList();
        return new FrameResult("s", seq, 0, 0, TimeSource.MEDIA, 2, 2, false, "m@1", detections);
    }

    @Test
    void foundListsLabelsByDetectionsWithShareOfFramesAndMeanPerFrame() {
        LabelStats stats = new LabelStats();
        stats.add(frame(0, "person", "person", "car"));
        stats.add(frame(1, "person"));
        stats.add(frame(2));
        stats.add(frame(3, "person", "person", "person"));
        assertEquals(
                "person in 75.0% of frames (1.50 per frame); car in 25.0% of frames (0.25 per"
                        + " frame)",
                RunReport.found(stats));
    }

    @Test
    void statsOfParallelInstancesMerge() {
        LabelStats a = new LabelStats();
        a.add(frame(0, "person"));
        LabelStats b = new LabelStats();
        b.add(frame(1, "person", "dog"));
        b.add(frame(2));
        a.merge(b);
        assertEquals(3, a.frames());
        assertEquals(2, a.framesWith("person"));
        assertEquals(1, a.detections("dog"));
        assertEquals(List.of("person", "dog"), a.labelsByCount());
    }

    @Test
    void rootMessageSkipsFlinksWrappers() {
        Exception cause = new IllegalStateException("failed to load model m@1: file damaged");
        Exception wrapped = new JobExecutionException(null, "Job execution failed.", cause);
        assertEquals("failed to load model m@1: file damaged", RunReport.rootMessage(wrapped));
    }
}
