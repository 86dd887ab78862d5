package io.frameflow.inference.convert;

import java.util.List;

/**
 * One node of a TF.js graph model: its data inputs (control dependencies dropped, since ONNX has
 * none) and its attributes.
 */
record TfjsNode(String name, String op, List<TensorRef> inputs, TfjsAttributes attributes) {

    TfjsNode {
        inputs = List.copyOf(inputs);
    }

    TensorRef input(int index) {
        if (index >= inputs.size()) {
            throw new IllegalArgumentException(
                    "expected at least " + (index + 1) + " inputs, got " + inputs.size());
        }
        return inputs.get(index);
    }

    TensorRef output(int index) {
        return new TensorRef(name, index);
    }

    @Override
    public String toString() {
        return "node '" + name + "' (op " + op + ")";
    }
}
