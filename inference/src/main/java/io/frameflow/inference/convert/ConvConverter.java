package io.frameflow.inference.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 2-D convolutions: {@code Conv2D} (filter HWIO → ONNX OIHW), {@code DepthwiseConv2dNative} (filter
 * [kh, kw, in, mult] → [in·mult, 1, kh, kw] with group = in) and TF.js's fused forms, whose bias
 * becomes the Conv's B input and whose activation follows in NCHW.
 */
final class ConvConverter implements OpConverter {
    private static final long[] HWIO_TO_OIHW = {3, 2, 0, 1};
    private static final long[] HWIM_TO_IMHW = {2, 3, 0, 1};

    @Override
    public Set<String> ops() {
        return Set.of(
                "Conv2D", "DepthwiseConv2dNative", "_FusedConv2D", "FusedDepthwiseConv2dNative");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        SpatialAttributes spatial = SpatialAttributes.of(node);
        boolean depthwise = node.op().contains("Depthwise");
        boolean fused = node.op().contains("Fused");
        FusedOps fusedOps = fused ? FusedOps.of(node) : FusedOps.NONE;
        ConstTensor filter = context.constant(node, 1);
        if (filter.rank() != 4) {
            throw new IllegalArgumentException("the filter must have rank 4, got " + filter);
        }
        ConstTensor weights = depthwise ? depthwiseWeights(filter) : hwioToOihw(filter);
        long outChannels = weights.dim(0);
        List<String> inputs = new ArrayList<>();
        inputs.add(spatial.toNchw(context, node, context.input(node, 0)));
        inputs.add(context.initializer(node, "W", weights));
        if (fusedOps.bias()) {
            inputs.add(
                    context.initializer(node, "B", bias(context.constant(node, 2), outChannels)));
        }
        String conv =
                context.emit(
                        "Conv",
                        inputs,
                        context.temp(node, "nchw"),
                        OnnxAttributes.ints("kernel_shape", filter.dim(0), filter.dim(1)),
                        OnnxAttributes.ints("strides", spatial.strides()),
                        OnnxAttributes.ints("dilations", spatial.dilations()),
                        OnnxAttributes.integer("group", depthwise ? filter.dim(2) : 1),
                        spatial.paddingAttribute());
        String alpha = null;
        if ("Prelu".equals(fusedOps.activation())) {
            ConstTensor slopes = context.constant(node, fusedOps.preluAlphaInput());
            alpha =
                    context.initializer(
                            node, "alpha", spatial.nhwc() ? channelsFirst(slopes) : slopes);
        }
        spatial.finish(context, node, fusedOps.applyActivation(context, node, conv, alpha));
    }

    static ConstTensor hwioToOihw(ConstTensor filter) {
        return ConstTensorOps.transpose(filter, toInts(HWIO_TO_OIHW));
    }

    static ConstTensor depthwiseWeights(ConstTensor filter) {
        long[] s = filter.shape();
        ConstTensor imhw = ConstTensorOps.transpose(filter, toInts(HWIM_TO_IMHW));
        return imhw.reshaped(new long[] {s[2] * s[3], 1, s[0], s[1]});
    }

    private static ConstTensor bias(ConstTensor bias, long channels) {
        if (bias.size() != channels || !bias.type().isFloat()) {
            throw new IllegalArgumentException(
                    "the bias must hold " + channels + " floats, got " + bias);
        }
        return bias.reshaped(new long[] {channels});
    }

    /**
     * PReLU slopes given for NHWC ({@code [C]}, {@code [1, 1, C]} or {@code [H, W, C]}) as slopes
     * that broadcast over NCHW: {@code [C, H, W]} with 1s where the original had none.
     */
    static ConstTensor channelsFirst(ConstTensor slopes) {
        if (slopes.rank() > 3) {
            throw new IllegalArgumentException("PReLU slopes must have rank ≤ 3, got " + slopes);
        }
        long[] hwc = {1, 1, 1};
        long[] shape = slopes.shape();
        System.arraycopy(shape, 0, hwc, 3 - shape.length, shape.length);
        return ConstTensorOps.transpose(slopes.reshaped(hwc), new int[] {2, 0, 1});
    }

    static int[] toInts(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.toIntExact(values[i]);
        }
        return out;
    }
}
