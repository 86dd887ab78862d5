package io.frameflow.jobs.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code sample} key of a source and the {@code watermarks} section. */
class SamplingSpecTest {

    private static String pipeline(String sample, String extra) {
        return """
                name: x
                sources:
                  - uri: /v/a.avi
                    sample: %s
                stages:
                  - detect: { model: m }
                sinks:
                  - jsonl: { path: out/ }
                %s"""
                .formatted(sample, extra);
    }

    private static PipelineSpec parse(String sample) {
        return PipelineSpecParser.parse(pipeline(sample, ""), "p.yaml");
    }

    private static String failure(String sample, String extra) {
        return assertThatThrownBy(() -> PipelineSpecParser.parse(pipeline(sample, extra), "p.yaml"))
                .isInstanceOf(PipelineSpecException.class)
                .actual()
                .getMessage();
    }

    @Test
    void readsEachKindOfSampling() {
        assertThat(parse("{ max-fps: 2.5 }").sources().get(0).sample())
                .isEqualTo(new SampleSpec(2.5, null, null));
        assertThat(parse("{ every: 3 }").sources().get(0).sample())
                .isEqualTo(new SampleSpec(null, 3, null));
        assertThat(parse("{ keyframes-only: true }").sources().get(0).sample())
                .isEqualTo(new SampleSpec(null, null, true));
    }

    @Test
    void twoKindsAtOnceAreRejectedNamingBoth() {
        assertThat(failure("{ max-fps: 5, every: 2 }", ""))
                .isEqualTo(
                        "p.yaml: line 4: sources[0].sample: sets max-fps and every; set exactly one"
                                + " of: max-fps: N (frames per second), every: N (every n-th"
                                + " frame), keyframes-only: true");
        assertThat(failure("{ }", "")).contains("sources[0].sample: is empty; set exactly one");
    }

    @Test
    void outOfRangeValuesNameTheKeyAndTheValue() {
        assertThat(failure("{ max-fps: 0 }", ""))
                .isEqualTo(
                        "p.yaml: line 4: sources[0].sample.max-fps: 0.0 must be above 0 and at most"
                                + " 1000 (frames per second)");
        assertThat(failure("{ every: 0 }", ""))
                .isEqualTo("p.yaml: line 4: sources[0].sample.every: 0 must be >= 1");
        assertThat(failure("{ keyframes-only: false }", ""))
                .isEqualTo(
                        "p.yaml: line 4: sources[0].sample.keyframes-only: false is not a"
                                + " sampling; write true, or leave sample out to analyse every"
                                + " frame");
        assertThat(failure("{ every: often }", ""))
                .startsWith("p.yaml: line 4: sources[0].sample.every: 'often' is not");
        assertThat(failure("{ fps: 3 }", "")).contains("unknown key 'fps'");
    }

    @Test
    void watermarksHaveDefaultsAndCanBeSet() {
        assertThat(parse("{ every: 2 }").watermarks()).isEqualTo(new WatermarkSpec(null, null));
        WatermarkSpec w =
                PipelineSpecParser.parse(
                                pipeline(
                                        "{ every: 2 }",
                                        "watermarks: { out-of-orderness: 2s, idleness: 30s }\n"),
                                "p.yaml")
                        .watermarks();
        assertThat(w.outOfOrderness().duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(w.idleness().duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badWatermarkSettingsNameTheKey() {
        assertThat(failure("{ every: 2 }", "watermarks: { idleness: 0s }\n"))
                .isEqualTo(
                        "p.yaml: line 9: watermarks.idleness: 0s must be longer than 0 and at"
                                + " most 1h");
        assertThat(failure("{ every: 2 }", "watermarks: { out-of-orderness: 2h }\n"))
                .isEqualTo(
                        "p.yaml: line 9: watermarks.out-of-orderness: 2h is too long; use at most"
                                + " 1h");
    }
}
