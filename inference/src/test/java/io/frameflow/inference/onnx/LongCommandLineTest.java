package io.frameflow.inference.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime must load and run models in a JVM whose command line is long. Flink starts task
 * managers with the whole {@code lib/} directory on {@code -classpath}, far more than 4 KB, and
 * ONNX Runtime 1.29.0 crashes the JVM (SIGSEGV, no hs_err file) while loading when
 * /proc/self/cmdline is longer than about 4 KB. Surefire passes its classpath in a manifest jar, so
 * no other test sees such a command line: this one starts a JVM with one on purpose.
 */
class LongCommandLineTest {
    @TempDir Path dir;

    /** Runs in the child JVM: loads the model, runs it once, prints the result. */
    public static void main(String[] args) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(args[0], new OrtSession.SessionOptions());
                OnnxTensor x = OnnxTensor.createTensor(env, new float[][] {{1f, 2f, 3f}});
                OrtSession.Result result = session.run(Map.of("x", x))) {
            float[][] y = (float[][]) result.get(0).getValue();
            System.out.println("ok " + y[0][0] + " " + y[0][1] + " " + y[0][2]);
        }
    }

    @Test
    void aModelRunsInAJvmWithAn8KbCommandLine() throws Exception {
        Path model = TinyOnnxModels.addAndDouble(dir, 1);
        String padding = "x".repeat(8_000);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child =
                new ProcessBuilder(
                                List.of(
                                        java.toString(),
                                        "-Dframeflow.test.padding=" + padding,
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        LongCommandLineTest.class.getName(),
                                        model.toString()))
                        .redirectErrorStream(true)
                        .start();
        boolean done = child.waitFor(60, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            child.destroyForcibly();
        }
        assertEquals(
                0, child.exitValue(), "child JVM exit status (139 = SIGSEGV); output:\n" + output);
        // y = x + [1, 2, 3]
        assertEquals("ok 2.0 4.0 6.0", output.strip());
    }
}
