package io.frameflow.inference.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.onnx.TinyOnnxModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelShapesTest {
    @TempDir Path dir;

    @Test
    void readsADynamicBatch() throws IOException {
        OnnxModelShapes shapes =
                OnnxModelShapes.read("tiny@1", TinyOnnxModels.addAndDouble(dir, 0));
        assertThat(shapes.inputs()).containsOnlyKeys("x");
        assertThat(shapes.inputs().get("x")).containsExactly(-1, 3);
        assertThat(shapes.outputNames()).containsExactly("y", "z");
        assertThat(shapes.inputBatch("x")).isEqualTo(-1);
        assertThat(shapes.hasDynamicInput("x")).isTrue();
        assertThat(shapes.signature().input("x")).containsExactly(3);
        assertThat(shapes.signature().output("z")).containsExactly(3);
        shapes.checkInput("x");
    }

    @Test
    void readsAFixedBatch() throws IOException {
        OnnxModelShapes shapes =
                OnnxModelShapes.read("tiny@1", TinyOnnxModels.addAndDouble(dir, 4));
        assertThat(shapes.inputBatch("x")).isEqualTo(4);
        assertThat(shapes.hasDynamicInput("x")).isFalse();
        assertThat(shapes.inputs()).doesNotContainKeys("offset", "two");
    }

    @Test
    void anInputTheTranslatorDoesNotFillIsNamed() throws IOException {
        OnnxModelShapes shapes =
                OnnxModelShapes.read("tiny@1", TinyOnnxModels.addAndDouble(dir, 0));
        assertThatThrownBy(() -> shapes.checkInput("images"))
                .isInstanceOf(InferenceException.class)
                .hasMessageContaining("model tiny@1")
                .hasMessageContaining("has inputs [x]; its translator fills only 'images'");
    }

    @Test
    void aFileThatIsNotOnnxIsAClearError() throws IOException {
        Path notOnnx = Files.writeString(dir.resolve("model.onnx"), "<html>not a model</html>");
        assertThatThrownBy(() -> OnnxModelShapes.read("broken@1", notOnnx))
                .isInstanceOf(InferenceException.class)
                .hasMessageStartingWith("model broken@1: " + notOnnx + " is not an ONNX model");
    }
}
