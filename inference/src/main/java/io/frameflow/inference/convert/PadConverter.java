package io.frameflow.inference.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code Pad}, {@code PadV2} (with a fill value) and {@code MirrorPad} (REFLECT) → ONNX Pad. TF's
 * paddings [[before, after], …] become ONNX's [all befores, all afters].
 */
final class PadConverter implements OpConverter {

    @Override
    public Set<String> ops() {
        return Set.of("Pad", "PadV2", "MirrorPad");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        ConstTensor paddings = context.constant(node, 1);
        if (paddings.rank() != 2 || paddings.dim(1) != 2) {
            throw new IllegalArgumentException(
                    "paddings must have shape [rank, 2], got " + paddings);
        }
        int rank = (int) paddings.dim(0);
        long[] pads = new long[2 * rank];
        for (int axis = 0; axis < rank; axis++) {
            pads[axis] = paddings.longs()[2 * axis];
            pads[axis + rank] = paddings.longs()[2 * axis + 1];
        }
        List<String> inputs = new ArrayList<>();
        inputs.add(context.input(node, 0));
        inputs.add(context.int64s(node, "pads", pads));
        if (node.op().equals("PadV2")) {
            inputs.add(context.input(node, 2));
        }
        context.emit(
                "Pad", inputs, context.output(node, 0), OnnxAttributes.string("mode", mode(node)));
    }

    private static String mode(TfjsNode node) {
        if (!node.op().equals("MirrorPad")) {
            return "constant";
        }
        String mode = node.attributes().string("mode", "");
        if (!mode.equals("REFLECT")) {
            throw new IllegalArgumentException(
                    "MirrorPad mode '" + mode + "' is not supported; supported: REFLECT");
        }
        return "reflect";
    }
}
