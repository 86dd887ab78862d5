package io.frameflow.inference.convert;

import java.util.List;
import java.util.Set;

/**
 * {@code Conv2DBackpropInput} (a transposed convolution) → ONNX ConvTranspose. TF states the output
 * size; ONNX derives it from pads and output_padding, so both are computed here from the forward
 * convolution that maps the output size back to the input size.
 */
final class ConvTransposeConverter implements OpConverter {

    @Override
    public Set<String> ops() {
        return Set.of("Conv2DBackpropInput");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        SpatialAttributes spatial = SpatialAttributes.of(node);
        long[] outputSizes = context.constant(node, 0).longs();
        ConstTensor filter = context.constant(node, 1);
        if (outputSizes.length != 4 || filter.rank() != 4) {
            throw new IllegalArgumentException(
                    "expected 4 output sizes and a rank-4 filter, got "
                            + outputSizes.length
                            + " sizes and "
                            + filter);
        }
        int firstSpatial = spatial.nhwc() ? 1 : 2;
        long[] pads = new long[4];
        long[] outputPadding = new long[2];
        for (int axis = 0; axis < 2; axis++) {
            long size = outputSizes[firstSpatial + axis];
            long stride = spatial.strides()[axis];
            long extent = (filter.dim(axis) - 1) * spatial.dilations()[axis] + 1;
            long[] axisPads = forwardPads(spatial, axis, size, stride, extent);
            long inSize = (size + axisPads[0] + axisPads[1] - extent) / stride + 1;
            pads[axis] = axisPads[0];
            pads[axis + 2] = axisPads[1];
            outputPadding[axis] =
                    size - ((inSize - 1) * stride + extent - axisPads[0] - axisPads[1]);
        }
        // filter [kh, kw, out, in] → ONNX ConvTranspose weights [in, out, kh, kw]
        ConstTensor weights = ConvConverter.hwioToOihw(filter);
        String x = spatial.toNchw(context, node, context.input(node, 2));
        String y =
                context.emit(
                        "ConvTranspose",
                        List.of(x, context.initializer(node, "W", weights)),
                        context.temp(node, "nchw"),
                        OnnxAttributes.ints("kernel_shape", filter.dim(0), filter.dim(1)),
                        OnnxAttributes.ints("strides", spatial.strides()),
                        OnnxAttributes.ints("dilations", spatial.dilations()),
                        OnnxAttributes.ints("pads", pads),
                        OnnxAttributes.ints("output_padding", outputPadding));
        spatial.finish(context, node, y);
    }

    /** Padding [before, after] of the forward convolution over an input of {@code size}. */
    private static long[] forwardPads(
            SpatialAttributes spatial, int axis, long size, long stride, long extent) {
        switch (spatial.padding()) {
            case "SAME":
                long outSize = (size + stride - 1) / stride;
                long total = Math.max((outSize - 1) * stride + extent - size, 0);
                return new long[] {total / 2, total - total / 2};
            case "EXPLICIT":
                return new long[] {spatial.explicitPads()[axis], spatial.explicitPads()[axis + 2]};
            default:
                return new long[] {0, 0};
        }
    }
}
