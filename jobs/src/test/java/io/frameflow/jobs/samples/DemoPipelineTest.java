package io.frameflow.jobs.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.frameflow.jobs.spec.PipelineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoPipelineTest {

    @Test
    void theExampleFileIsTheDemoTheCommandRuns() throws Exception {
        // Maven runs tests in the module directory; examples/ is at the repository root
        assertEquals(Files.readString(Path.of("..", "examples", "demo.yaml")), DemoPipeline.yaml());
    }

    @Test
    void theDemoAnalysesTheSampleClipWithNanoDet() {
        PipelineSpec demo = DemoPipeline.spec();
        assertEquals("sample:vtest.avi", demo.sources().get(0).uri());
        assertEquals("nanodet-coco", demo.detectStage().model());
        assertEquals("out/demo", demo.sinks().get(0).jsonl().path());
    }

    @Test
    void customizeChangesOnlyWhatIsGiven() {
        PipelineSpec custom =
                DemoPipeline.customize(DemoPipeline.spec(), 120L, Path.of("/tmp/x"), 2);
        assertEquals(120L, custom.sources().get(0).maxFrames());
        assertEquals("/tmp/x", custom.sinks().get(0).jsonl().path());
        assertEquals(2, custom.detectStage().threads());
        assertEquals(0.35, custom.detectStage().threshold());

        PipelineSpec same = DemoPipeline.customize(DemoPipeline.spec(), null, null, null);
        assertEquals(DemoPipeline.spec(), same);

        IllegalArgumentException zero =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DemoPipeline.customize(DemoPipeline.spec(), 0L, null, null));
        assertEquals("--max-frames: 0 must be >= 1", zero.getMessage());
    }
}
