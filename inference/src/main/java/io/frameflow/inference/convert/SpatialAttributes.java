package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.Arrays;

/**
 * Layout, strides, dilations and padding of a TF 2-D convolution, pooling or resize node, in ONNX
 * terms. ONNX computes in NCHW only, so NHWC nodes are wrapped in Transposes; SAME padding maps to
 * {@code SAME_UPPER}, which puts the odd extra row/column at the end as TF does.
 */
record SpatialAttributes(
        boolean nhwc, long[] strides, long[] dilations, String padding, long[] explicitPads) {
    static final long[] TO_NCHW = {0, 3, 1, 2};
    static final long[] TO_NHWC = {0, 2, 3, 1};

    static SpatialAttributes of(TfjsNode node) {
        TfjsAttributes attributes = node.attributes();
        String format = attributes.string("data_format", "NHWC");
        if (!format.equals("NHWC") && !format.equals("NCHW")) {
            throw new IllegalArgumentException(
                    "data_format '" + format + "' is not supported; supported: NHWC, NCHW");
        }
        boolean nhwc = format.equals("NHWC");
        String padding = attributes.string("padding", "VALID");
        long[] explicit = new long[4];
        if (padding.equals("EXPLICIT")) {
            long[] e = attributes.ints("explicit_paddings").orElse(new long[0]);
            if (e.length != 8) {
                throw new IllegalArgumentException(
                        "explicit_paddings must hold 8 values, got " + Arrays.toString(e));
            }
            int h = nhwc ? 2 : 4;
            explicit = new long[] {e[h], e[h + 2], e[h + 1], e[h + 3]};
        } else if (!padding.equals("SAME") && !padding.equals("VALID")) {
            throw new IllegalArgumentException(
                    "padding '" + padding + "' is not supported; supported: SAME, VALID, EXPLICIT");
        }
        return new SpatialAttributes(
                nhwc,
                spatial(attributes, "strides", nhwc),
                spatial(attributes, "dilations", nhwc),
                padding,
                explicit);
    }

    /** The two spatial entries of a 4-value per-dimension attribute; 1s when it is absent. */
    static long[] spatial(TfjsAttributes attributes, String key, boolean nhwc) {
        long[] values = attributes.ints(key).orElse(new long[] {1, 1, 1, 1});
        if (values.length != 4) {
            throw new IllegalArgumentException(
                    key + " must hold 4 values, got " + Arrays.toString(values));
        }
        return nhwc ? new long[] {values[1], values[2]} : new long[] {values[2], values[3]};
    }

    /** ONNX {@code auto_pad} or {@code pads} for this node's padding. */
    AttributeProto paddingAttribute() {
        if (padding.equals("SAME")) {
            return OnnxAttributes.string("auto_pad", "SAME_UPPER");
        }
        return OnnxAttributes.ints("pads", explicitPads);
    }

    /** {@code input} in NCHW: transposed when the node is NHWC. */
    String toNchw(ConversionContext context, TfjsNode node, String input) {
        return nhwc ? context.transpose(input, TO_NCHW, context.temp(node, "to_nchw")) : input;
    }

    /** Writes the NCHW result to the node's output 0 in the node's own layout. */
    void finish(ConversionContext context, TfjsNode node, String nchwResult) {
        if (nhwc) {
            context.transpose(nchwResult, TO_NHWC, context.output(node, 0));
        } else {
            context.alias(node.output(0), nchwResult);
        }
    }
}
