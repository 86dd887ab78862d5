package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ResizeBilinear} and {@code ResizeNearestNeighbor} (NHWC, constant output size) → ONNX
 * Resize on NCHW. The full ONNX sizes are [N, C] taken from the input's shape at run time plus TF's
 * [height, width], so a dynamic batch keeps working.
 */
final class ResizeConverter implements OpConverter {

    @Override
    public Set<String> ops() {
        return Set.of("ResizeBilinear", "ResizeNearestNeighbor");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        long[] size = context.constant(node, 1).longs();
        if (size.length != 2) {
            throw new IllegalArgumentException("the size input must hold [height, width]");
        }
        boolean bilinear = node.op().equals("ResizeBilinear");
        String x =
                context.transpose(
                        context.input(node, 0),
                        SpatialAttributes.TO_NCHW,
                        context.temp(node, "to_nchw"));
        List<AttributeProto> attributes = new ArrayList<>(sampling(node));
        attributes.add(OnnxAttributes.string("mode", bilinear ? "linear" : "nearest"));
        String y =
                context.emit(
                        "Resize",
                        List.of(x, "", "", sizes(node, context, x, size)),
                        context.temp(node, "nchw"),
                        attributes.toArray(AttributeProto[]::new));
        context.transpose(y, SpatialAttributes.TO_NHWC, context.output(node, 0));
    }

    /** ONNX wants all four output sizes: [N, C] of the input at run time, then TF's [H, W]. */
    private static String sizes(TfjsNode node, ConversionContext context, String x, long[] size) {
        String shape = context.emit("Shape", List.of(x), context.temp(node, "shape"));
        String batchAndChannels =
                context.emit(
                        "Slice",
                        List.of(
                                shape,
                                context.int64s(node, "start", 0),
                                context.int64s(node, "end", 2)),
                        context.temp(node, "batch_channels"));
        return context.emit(
                "Concat",
                List.of(batchAndChannels, context.int64s(node, "hw", size)),
                context.temp(node, "sizes"),
                OnnxAttributes.integer("axis", 0));
    }

    /** How output pixels map back to input coordinates, TF's flags in ONNX terms. */
    private static List<AttributeProto> sampling(TfjsNode node) {
        boolean halfPixel = node.attributes().bool("half_pixel_centers", false);
        boolean alignCorners = node.attributes().bool("align_corners", false);
        String coordinates;
        String nearestMode;
        if (halfPixel && alignCorners) {
            throw new IllegalArgumentException(
                    "half_pixel_centers and align_corners cannot both be set");
        } else if (alignCorners) {
            coordinates = "align_corners";
            // TF rounds half away from zero; coordinates are never negative here
            nearestMode = "round_prefer_ceil";
        } else if (halfPixel) {
            // TF picks floor((x + 0.5) / scale); ONNX half_pixel subtracts 0.5 from that, and
            // rounding half up adds it back (ONNX deprecates tf_half_pixel_for_nn)
            coordinates = "half_pixel";
            nearestMode = "round_prefer_ceil";
        } else {
            coordinates = "asymmetric";
            nearestMode = "floor";
        }
        return List.of(
                OnnxAttributes.string("coordinate_transformation_mode", coordinates),
                OnnxAttributes.string("nearest_mode", nearestMode));
    }
}
