package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.convert.OnnxComparisonReport.OutputDifference;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs two ONNX models with ONNX Runtime (CPU) on the same input and reports, per output, the
 * largest absolute difference, plus node counts and median inference times measured in the same
 * run. Used to check a converted model against a reference conversion.
 *
 * <p>Command line: {@code OnnxOutputComparator [--threads N] [--runs N] [--seed N] [--size N]
 * A.onnx B.onnx [image]}. Without an image the input is seeded uniform noise in [0, 1). {@code
 * --size} gives dynamic dimensions other than the batch (e.g. the height and width of a fully
 * convolutional model) that size; without it such inputs are rejected. The program ends with an
 * exception (non-zero exit status) when an output of A is missing in B or has another shape.
 */
public final class OnnxOutputComparator {
    private static final int WARM_UP_RUNS = 3;

    private final int threads;
    private final int runs;
    private final long seed;
    private final int size;

    /**
     * @param threads intra-op threads of each session (the same for both, so timings compare)
     * @param runs timed runs per model, after warm-up
     * @param seed seed of the random input
     */
    public OnnxOutputComparator(int threads, int runs, long seed) {
        this(threads, runs, seed, 0);
    }

    /**
     * @param size the size given to dynamic input dimensions other than the batch; 0 rejects them
     */
    public OnnxOutputComparator(int threads, int runs, long seed, int size) {
        this.threads = positive("--threads", threads);
        this.runs = positive("--runs", runs);
        this.seed = seed;
        if (size < 0) {
            throw new IllegalArgumentException("--size must not be negative, got " + size);
        }
        this.size = size;
    }

    public static void main(String[] args) throws IOException {
        if (run(List.of(args), System.out) != 0) {
            throw new IllegalStateException("the models' outputs differ in name or shape");
        }
    }

    /**
     * Parses command-line arguments, compares and prints the report.
     *
     * @return 0 when every output of A exists in B with the same shape, 1 otherwise
     * @throws IllegalArgumentException on malformed arguments, with a usage line
     */
    public static int run(List<String> args, PrintStream out) throws IOException {
        ComparatorArguments parsed = ComparatorArguments.parse(args);
        OnnxComparisonReport report =
                new OnnxOutputComparator(
                                parsed.threads(), parsed.runs(), parsed.seed(), parsed.size())
                        .compare(parsed.modelA(), parsed.modelB(), parsed.image());
        report.print(out);
        return report.shapesMatch() ? 0 : 1;
    }

    /** Compares A and B on the random input, or on {@code image} when one is given. */
    public OnnxComparisonReport compare(Path modelA, Path modelB, Optional<Path> image)
            throws IOException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession a = open(env, modelA, options);
                OrtSession b = open(env, modelB, options)) {
            Map.Entry<String, long[]> input = singleInput(a, modelA);
            ComparisonInput values =
                    image.isPresent()
                            ? ComparisonInput.image(input.getValue(), image.get())
                            : ComparisonInput.random(input.getValue(), seed);
            try (OnnxTensor tensor =
                    OnnxTensor.createTensor(
                            env, FloatBuffer.wrap(values.values()), values.shape())) {
                Map<String, OnnxTensor> feed = Map.of(input.getKey(), tensor);
                List<OutputDifference> outputs = compareOutputs(a, b, feed);
                double[] medians = medianMillis(a, b, feed);
                return new OnnxComparisonReport(
                        values.description(),
                        outputs,
                        nodeCount(modelA),
                        nodeCount(modelB),
                        medians[0],
                        medians[1],
                        threads,
                        runs);
            }
        } catch (OrtException e) {
            throw new InferenceException(
                    "ONNX Runtime failed comparing "
                            + modelA
                            + " with "
                            + modelB
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private OrtSession open(OrtEnvironment env, Path model, OrtSession.SessionOptions options)
            throws OrtException {
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        try {
            return env.createSession(model.toString(), options);
        } catch (OrtException e) {
            throw new InferenceException(
                    "ONNX Runtime cannot load " + model + ": " + e.getMessage(), e);
        }
    }

    private Map.Entry<String, long[]> singleInput(OrtSession session, Path model)
            throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(
                    model + " has " + inputs.size() + " inputs; only single-input models compare");
        }
        Map.Entry<String, NodeInfo> input = inputs.entrySet().iterator().next();
        long[] shape = ((TensorInfo) input.getValue().getInfo()).getShape().clone();
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] < 0 && axis > 0 && size > 0) {
                shape[axis] = size;
            } else if (shape[axis] < 0 && axis > 0) {
                throw new IllegalArgumentException(
                        "input "
                                + input.getKey()
                                + " of "
                                + model
                                + " has a dynamic dimension "
                                + axis
                                + " "
                                + Arrays.toString(shape)
                                + "; give it a size with --size");
            }
            shape[axis] = Math.max(shape[axis], 1);
        }
        return Map.entry(input.getKey(), shape);
    }

    private static List<OutputDifference> compareOutputs(
            OrtSession a, OrtSession b, Map<String, OnnxTensor> feed) throws OrtException {
        List<OutputDifference> out = new ArrayList<>();
        try (OrtSession.Result resultA = a.run(feed);
                OrtSession.Result resultB = b.run(feed)) {
            for (Map.Entry<String, OnnxValue> entry : resultA) {
                OnnxTensor tensorA = (OnnxTensor) entry.getValue();
                Optional<OnnxValue> valueB = resultB.get(entry.getKey());
                List<Long> shapeA = shapeOf(tensorA);
                List<Long> shapeB = valueB.map(v -> shapeOf((OnnxTensor) v)).orElse(null);
                double delta =
                        shapeA.equals(shapeB)
                                ? maxAbsDifference(tensorA, (OnnxTensor) valueB.get())
                                : Double.NaN;
                out.add(new OutputDifference(entry.getKey(), shapeA, shapeB, delta));
            }
        }
        return out;
    }

    private static List<Long> shapeOf(OnnxTensor tensor) {
        return Arrays.stream(tensor.getInfo().getShape()).boxed().toList();
    }

    private static double maxAbsDifference(OnnxTensor a, OnnxTensor b) {
        FloatBuffer x = a.getFloatBuffer();
        FloatBuffer y = b.getFloatBuffer();
        if (x == null || y == null) {
            throw new IllegalArgumentException(
                    "output " + a.getInfo() + " is not a float tensor; only float outputs compare");
        }
        double max = 0;
        for (int i = 0; i < x.limit(); i++) {
            float u = x.get(i);
            float v = y.get(i);
            if (Float.isNaN(u) != Float.isNaN(v)) {
                return Double.NaN;
            }
            if (!Float.isNaN(u)) {
                max = Math.max(max, Math.abs((double) u - v));
            }
        }
        return max;
    }

    /** Median milliseconds per run of A and B, interleaved so that drift hits both alike. */
    private double[] medianMillis(OrtSession a, OrtSession b, Map<String, OnnxTensor> feed)
            throws OrtException {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            a.run(feed).close();
            b.run(feed).close();
        }
        double[] timesA = new double[runs];
        double[] timesB = new double[runs];
        for (int i = 0; i < runs; i++) {
            timesA[i] = timeOneRun(a, feed);
            timesB[i] = timeOneRun(b, feed);
        }
        return new double[] {median(timesA), median(timesB)};
    }

    private static double timeOneRun(OrtSession session, Map<String, OnnxTensor> feed)
            throws OrtException {
        long start = System.nanoTime();
        session.run(feed).close();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static int nodeCount(Path model) throws IOException {
        try (InputStream in = Files.newInputStream(model)) {
            return ModelProto.parseFrom(in).getGraph().getNodeCount();
        }
    }

    private static int positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, got " + value);
        }
        return value;
    }
}
