package io.frameflow.inference.convert;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed TF.js graph model: its nodes by name (in file order), its signature and its decoded
 * weights by name.
 */
record TfjsModel(
        Path source,
        Map<String, TfjsNode> nodes,
        List<SignatureTensor> inputs,
        List<SignatureTensor> outputs,
        Map<String, ConstTensor> weights) {

    /**
     * A tensor named in the model's signature; {@code type} and {@code shape} are null where the
     * signature does not give them, and a dimension of -1 is unknown.
     */
    record SignatureTensor(TensorRef ref, TensorType type, long[] shape) {}
}
