package io.frameflow.jobs.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.jobs.spec.PipelineSpecException;
import io.frameflow.jobs.spec.PipelineSpecParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source problems are configuration errors: found before the job starts and before any model is
 * fetched, with the key and the file named.
 */
class PipelineResolverTest {
    @TempDir Path dir;

    private String resolveError(String uri) {
        String yaml =
                "name: t\nsources:\n  - uri: "
                        + uri
                        + "\nstages:\n  - detect: { model: nanodet-coco }\nsinks:\n  - jsonl: {"
                        + " path: "
                        + dir.resolve("out")
                        + " }\n";
        FrameflowCache cache = FrameflowCache.at(dir.resolve("cache"));
        PipelineResolver resolver =
                new PipelineResolver(ModelStore.builtIn(), cache, ProgressListener.NONE);
        return assertThrows(
                        PipelineSpecException.class,
                        () -> resolver.resolve(PipelineSpecParser.parse(yaml, "p.yaml"), "p.yaml"))
                .getMessage();
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nowhere/cam-1.avi");
        assertEquals(
                "p.yaml: sources[0].uri: file not found: " + missing,
                resolveError(missing.toString()));
    }

    @Test
    void aFileThatIsNotVideoIsNamedWithFfmpegsReason() throws Exception {
        Path junk = dir.resolve("junk.avi");
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        String message = resolveError(junk.toString());
        assertTrue(
                message.startsWith("p.yaml: sources[0].uri: cannot open " + junk + ": "), message);
        assertTrue(message.contains("Invalid data found when processing input"), message);
    }

    @Test
    void aFileUriIsCheckedLikeAPath() {
        Path missing = dir.resolve("cams/door.avi");
        assertEquals(
                "p.yaml: sources[0].uri: file not found: " + missing,
                resolveError(missing.toUri().toString()));
    }

    @Test
    void anUnsupportedSchemeIsNamedWithItsKey() {
        String message = resolveError("ftp://nas/cam-1.avi");
        assertTrue(
                message.startsWith(
                        "p.yaml: sources[0].uri: unsupported scheme 'ftp' in 'ftp://nas/cam-1.avi'"),
                message);
    }

    @Test
    void aDirectoryIsNotAVideo() {
        assertEquals(
                "p.yaml: sources[0].uri: not a readable file: " + dir,
                resolveError(dir.toString()));
    }

    @Test
    void anUnknownSampleListsTheKnownOnes() {
        assertEquals(
                "p.yaml: sources[0].uri: unknown sample video 'nope.avi'; samples: vtest.avi,"
                        + " Megamind.avi, Megamind_bugy.avi",
                resolveError("sample:nope.avi"));
    }
}
