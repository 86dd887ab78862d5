package io.frameflow.inference.convert;

import java.util.List;
import java.util.Set;

/**
 * {@code MaxPool} and {@code AvgPool} → ONNX MaxPool / AveragePool. TF's average pooling leaves
 * padded cells out of the count, which is ONNX's default ({@code count_include_pad = 0}).
 */
final class PoolConverter implements OpConverter {

    @Override
    public Set<String> ops() {
        return Set.of("MaxPool", "AvgPool");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        SpatialAttributes spatial = SpatialAttributes.of(node);
        if (!node.attributes().has("ksize")) {
            throw new IllegalArgumentException("attribute 'ksize' is missing");
        }
        long[] kernel = SpatialAttributes.spatial(node.attributes(), "ksize", spatial.nhwc());
        String x = spatial.toNchw(context, node, context.input(node, 0));
        String y =
                context.emit(
                        node.op().equals("MaxPool") ? "MaxPool" : "AveragePool",
                        List.of(x),
                        context.temp(node, "nchw"),
                        OnnxAttributes.ints("kernel_shape", kernel),
                        OnnxAttributes.ints("strides", spatial.strides()),
                        spatial.paddingAttribute());
        spatial.finish(context, node, y);
    }
}
