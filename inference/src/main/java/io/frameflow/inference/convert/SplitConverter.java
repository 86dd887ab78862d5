package io.frameflow.inference.convert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code SplitV} (inputs value, sizes, axis) and {@code Split} (inputs axis, value; equal parts) →
 * ONNX Split with one output per part.
 */
final class SplitConverter implements OpConverter {

    @Override
    public Set<String> ops() {
        return Set.of("Split", "SplitV");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        boolean sized = node.op().equals("SplitV");
        long axis = context.constant(node, sized ? 2 : 0).scalarLong();
        String value = context.input(node, sized ? 0 : 1);
        List<String> inputs = new ArrayList<>(List.of(value));
        int parts;
        if (sized) {
            long[] sizes = context.constant(node, 1).longs();
            if (Arrays.stream(sizes).anyMatch(s -> s < 0)) {
                throw new IllegalArgumentException(
                        "size_splits "
                                + Arrays.toString(sizes)
                                + " has an inferred (-1) size, which needs the input shape");
            }
            inputs.add(context.int64s(node, "split", sizes));
            parts = sizes.length;
        } else {
            parts = (int) node.attributes().integer("num_split", 0);
            if (parts < 1) {
                throw new IllegalArgumentException("num_split must be at least 1");
            }
        }
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            outputs.add(context.output(node, i));
        }
        context.emitMulti("Split", inputs, outputs, OnnxAttributes.integer("axis", axis));
    }
}
