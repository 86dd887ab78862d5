package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.ArrayList;
import java.util.List;

/** The ONNX Resize attributes that reproduce an ncnn Interp layer's sampling. */
final class NcnnResizeModes {
    private static final int RESIZE_NEAREST = 1;
    private static final int RESIZE_BILINEAR = 2;
    private static final int RESIZE_BICUBIC = 3;

    private NcnnResizeModes() {}

    /** Attributes for the layer's resize_type (0) and align_corner (6) parameters. */
    static List<AttributeProto> attributes(NcnnLayer layer) {
        int type = layer.integer(0, 0);
        boolean alignCorners = layer.integer(6, 0) != 0;
        List<AttributeProto> attributes = new ArrayList<>();
        switch (type) {
            case RESIZE_NEAREST -> {
                // ncnn picks source pixel floor(x / scale)
                attributes.add(OnnxAttributes.string("mode", "nearest"));
                attributes.add(
                        OnnxAttributes.string("coordinate_transformation_mode", "asymmetric"));
                attributes.add(OnnxAttributes.string("nearest_mode", "floor"));
            }
            case RESIZE_BILINEAR, RESIZE_BICUBIC -> {
                attributes.add(
                        OnnxAttributes.string(
                                "mode", type == RESIZE_BILINEAR ? "linear" : "cubic"));
                attributes.add(
                        OnnxAttributes.string(
                                "coordinate_transformation_mode",
                                alignCorners ? "align_corners" : "half_pixel"));
                if (type == RESIZE_BICUBIC) {
                    // ncnn's bicubic uses Keys' kernel with a = -0.75, like OpenCV
                    attributes.add(OnnxAttributes.real("cubic_coeff_a", -0.75f));
                }
            }
            default ->
                    throw layer.problem(
                            "resize_type " + type + " is not supported; supported: 1, 2, 3");
        }
        return attributes;
    }
}
