package io.frameflow.jobs.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.ingest.source.VideoStreamSpec;
import io.frameflow.jobs.spec.SampleSpec;
import io.frameflow.jobs.spec.SourceSpec;
import io.frameflow.operators.sample.Sampling;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each kind of {@code sample} ends up: the decoder or the sampling function. */
class SourceResolverSamplingTest {
    @TempDir Path dir;

    @Test
    void keyframesOnlyGoesToTheDecoderAndTheOthersToTheSamplingFunction() throws Exception {
        String clip = writeClip(dir.resolve("a.y4m")).toString();
        List<SourceSpec> specs =
                List.of(
                        new SourceSpec("fps", clip, null)
                                .withSample(new SampleSpec(2.5, null, null)),
                        new SourceSpec("nth", clip, null).withSample(new SampleSpec(null, 4, null)),
                        new SourceSpec("key", clip, null)
                                .withSample(new SampleSpec(null, null, true)),
                        new SourceSpec("all", clip, null));

        SourceResolver.Sources sources =
                new SourceResolver(
                                "p.yaml",
                                FrameflowCache.at(dir.resolve("c")),
                                ProgressListener.NONE)
                        .resolve(specs, "sampling");

        assertThat(sources.sampling())
                .isEqualTo(
                        Map.of("fps", new Sampling.MaxFps(2.5), "nth", new Sampling.EveryNth(4)));
        assertThat(sources.source().streams())
                .extracting(VideoStreamSpec::id, s -> s.options().keyframesOnly())
                .containsExactly(
                        tuple("fps", false),
                        tuple("nth", false),
                        tuple("key", true),
                        tuple("all", false));
    }

    /** Two grey YUV4MPEG2 pictures: video FFmpeg opens without any encoder. */
    private static Path writeClip(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(
                    "YUV4MPEG2 W16 H16 F25:1 Ip A1:1 C420jpeg\n"
                            .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 2; i++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[16 * 16 * 3 / 2]);
            }
        }
        return file;
    }
}
