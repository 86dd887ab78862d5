package io.frameflow.inference.convert;

/**
 * A reference to one output of a TF node, as written in a node's inputs ({@code name}, {@code
 * name:1}). Its {@link #toString()} is the canonical form, which is also the ONNX tensor name the
 * converter gives that output.
 */
record TensorRef(String node, int index) {

    static TensorRef parse(String text) {
        String ref = text.startsWith("^") ? text.substring(1) : text;
        int colon = ref.lastIndexOf(':');
        if (colon < 0) {
            return new TensorRef(ref, 0);
        }
        String suffix = ref.substring(colon + 1);
        if (suffix.isEmpty() || !suffix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("malformed tensor reference '" + text + "'");
        }
        return new TensorRef(ref.substring(0, colon), Integer.parseInt(suffix));
    }

    @Override
    public String toString() {
        return index == 0 ? node : node + ":" + index;
    }
}
