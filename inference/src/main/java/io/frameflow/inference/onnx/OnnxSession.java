package io.frameflow.inference.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.runtime.ModelSignature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One loaded model: the ORT session, the options it was created with (ORT requires them to outlive
 * the session), and the model's tensor shapes.
 */
final class OnnxSession implements AutoCloseable {
    private final String modelId;
    private final Path file;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final Map<String, long[]> inputShapes;
    private final Map<String, long[]> outputShapes;

    private OnnxSession(
            String modelId, Path file, OrtSession.SessionOptions options, OrtSession session)
            throws OrtException {
        this.modelId = modelId;
        this.file = file;
        this.options = options;
        this.session = session;
        this.inputShapes = floatShapes(session.getInputInfo());
        this.outputShapes = floatShapes(session.getOutputInfo());
    }

    /** Loads {@code file}; errors name the model and the file. */
    static OnnxSession open(String modelId, Path file, OnnxSessionOptions settings) {
        if (!Files.isRegularFile(file)) {
            throw new InferenceException(
                    "failed to load model " + modelId + " from " + file + ": no such file");
        }
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = null;
        try {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(settings.interOpThreads());
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(optLevel(settings.optimization()));
            options.addConfigEntry(
                    "session.intra_op.allow_spinning", settings.spinWait() ? "1" : "0");
            session = OnnxEnvironment.get().createSession(file.toString(), options);
            return new OnnxSession(modelId, file, options, session);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session, options, e);
            throw new InferenceException(
                    "failed to load model " + modelId + " from " + file + ": " + e.getMessage(), e);
        }
    }

    private static OrtSession.SessionOptions.OptLevel optLevel(
            OnnxSessionOptions.GraphOptimization level) {
        return switch (level) {
            case NONE -> OrtSession.SessionOptions.OptLevel.NO_OPT;
            case BASIC -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case EXTENDED -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            case ALL -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
        };
    }

    /** Full shapes (batch dimension included, -1 where dynamic) of the float tensors. */
    private static Map<String, long[]> floatShapes(Map<String, NodeInfo> infos) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (NodeInfo info : infos.values()) {
            if (info.getInfo() instanceof TensorInfo tensor && tensor.type == OnnxJavaType.FLOAT) {
                shapes.put(info.getName(), tensor.getShape());
            }
        }
        return shapes;
    }

    /** Fails unless the model's only input is the one the translator fills. */
    void checkFedInputs(String fedInput) {
        Set<String> names = session.getInputNames();
        if (!names.equals(Set.of(fedInput))) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + " ("
                            + file
                            + ") has inputs "
                            + names
                            + "; its translator fills only '"
                            + fedInput
                            + "'");
        }
    }

    String modelId() {
        return modelId;
    }

    OrtSession session() {
        return session;
    }

    /**
     * The float tensors per item (batch dimension removed).
     *
     * <p>Dimensions other than the batch that the model leaves dynamic are -1; the translator fixes
     * them.
     *
     * @throws InferenceException if a tensor has no batch dimension
     */
    ModelSignature signature() {
        return new ModelSignature(modelId, perItem(inputShapes), perItem(outputShapes));
    }

    private Map<String, long[]> perItem(Map<String, long[]> shapes) {
        Map<String, long[]> perItem = new LinkedHashMap<>();
        shapes.forEach(
                (name, shape) -> {
                    if (shape.length > 0) {
                        long[] item = Arrays.copyOfRange(shape, 1, shape.length);
                        for (int i = 0; i < item.length; i++) {
                            item[i] = item[i] > 0 ? item[i] : -1;
                        }
                        perItem.put(name, item);
                    }
                });
        return perItem;
    }

    /**
     * The batch size the model fixes for these tensors, or -1 if it is dynamic.
     *
     * @throws InferenceException if the tensors disagree or a shape is not usable
     */
    int batchSize(String input, List<String> outputs) {
        long batch = usableShape(input, inputShapes, "input")[0];
        for (String output : outputs) {
            long outBatch = usableShape(output, outputShapes, "output")[0];
            if (outBatch != batch && !(outBatch < 0 && batch < 0)) {
                throw new InferenceException(
                        "model "
                                + modelId
                                + " ("
                                + file
                                + "): output '"
                                + output
                                + "' has batch dimension "
                                + outBatch
                                + " but input '"
                                + input
                                + "' has "
                                + batch);
            }
        }
        return batch > 0 ? Math.toIntExact(batch) : -1;
    }

    private long[] usableShape(String name, Map<String, long[]> shapes, String kind) {
        long[] shape = shapes.get(name);
        if (shape == null) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + " ("
                            + file
                            + ") has no float "
                            + kind
                            + " '"
                            + name
                            + "'; its float "
                            + kind
                            + "s: "
                            + shapes.keySet());
        }
        if (shape.length == 0) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + " ("
                            + file
                            + "): "
                            + kind
                            + " '"
                            + name
                            + "' is a scalar; it needs a batch dimension");
        }
        return shape;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new InferenceException(
                    "failed to close model " + modelId + ": " + e.getMessage(), e);
        } finally {
            options.close();
        }
    }

    private static void closeQuietly(
            OrtSession session, OrtSession.SessionOptions options, Exception failure) {
        try {
            if (session != null) {
                session.close();
            }
        } catch (OrtException e) {
            failure.addSuppressed(e);
        } finally {
            options.close();
        }
    }
}
