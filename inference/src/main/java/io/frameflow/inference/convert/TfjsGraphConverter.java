package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Converts a TF.js graph model (model.json plus weight shards) to an ONNX file (opset 13, default
 * domain only) that ONNX Runtime can load.
 *
 * <p>The ONNX graph input is named after the TF Placeholder (e.g. {@code input_1}) and the outputs
 * after the signature's output names without {@code :0} (e.g. {@code Identity_2}). Ops whose inputs
 * are all constants are folded into initializers; NHWC convolutions, pooling and resizes are
 * wrapped in Transposes to and from NCHW, and adjacent Transposes that cancel are removed.
 * Instances are stateless and may be shared.
 */
public final class TfjsGraphConverter {
    private static final OpConverterRegistry REGISTRY = OpConverterRegistry.standard();

    /** Creates a converter with every op converter the project has. */
    public TfjsGraphConverter() {}

    /**
     * Reads {@code modelJson} (its weight shards are resolved relative to it) and writes an ONNX
     * model to {@code onnxOut}. The file is written to a temporary sibling first and then moved
     * into place, so that a failed conversion never leaves a partial model behind.
     *
     * @return what was written
     * @throws ModelConversionException if the model is malformed or uses an op or layout the
     *     converter does not support; the message names the node and op
     * @throws IOException if a file cannot be read or written
     */
    public ConversionResult convert(Path modelJson, Path onnxOut) throws IOException {
        return OnnxModelFiles.write(toOnnx(modelJson), onnxOut);
    }

    /** Lists the TF ops this converter can translate (including Const and Placeholder). */
    public static List<String> supportedOps() {
        return REGISTRY.supportedOps();
    }

    static ModelProto toOnnx(Path modelJson) throws IOException {
        TfjsModel model;
        try {
            model = TfjsModelReader.read(modelJson);
        } catch (IllegalArgumentException e) {
            throw new ModelConversionException(
                    "cannot read " + modelJson + ": " + e.getMessage(), e);
        }
        return new GraphTranslator(REGISTRY).translate(model);
    }
}
