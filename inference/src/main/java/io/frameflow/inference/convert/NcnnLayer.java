package io.frameflow.inference.convert;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One layer line of an ncnn {@code .param} file: type, name, input and output blobs, and its {@code
 * id=value} parameters (array parameters, written with id {@code -23300 - id}, are kept under their
 * plain id as {@code count,v1,v2,...}).
 *
 * @param line the line number in the file, for messages
 */
record NcnnLayer(
        String type,
        String name,
        List<String> inputs,
        List<String> outputs,
        Map<Integer, String> params,
        int line) {

    NcnnLayer {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        params = Map.copyOf(params);
    }

    int integer(int id, int fallback) {
        String value = params.get(id);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw problem("parameter " + id + "=" + value + " is not an integer");
        }
    }

    float real(int id, float fallback) {
        String value = params.get(id);
        if (value == null) {
            return fallback;
        }
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw problem("parameter " + id + "=" + value + " is not a number");
        }
    }

    /** Rejects parameters this converter would otherwise silently ignore. */
    void onlyParams(Integer... supported) {
        Set<Integer> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(Set.of(supported));
        if (!unknown.isEmpty()) {
            throw problem(
                    "parameters "
                            + unknown
                            + " are not supported; supported: "
                            + new TreeSet<>(Set.of(supported)));
        }
    }

    void expectBlobs(int inputCount, int outputCount) {
        if (inputs.size() != inputCount || outputs.size() != outputCount) {
            throw problem(
                    "has "
                            + inputs.size()
                            + " inputs and "
                            + outputs.size()
                            + " outputs; expected "
                            + inputCount
                            + " and "
                            + outputCount);
        }
    }

    ModelConversionException problem(String message) {
        return new ModelConversionException(
                "ncnn layer " + name + " (" + type + ", line " + line + "): " + message);
    }
}
