package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.Locale;

/** Element types the converter understands, with their TF and ONNX spellings. */
enum TensorType {
    FLOAT(DataType.FLOAT),
    INT32(DataType.INT32),
    INT64(DataType.INT64),
    BOOL(DataType.BOOL);

    private final DataType onnx;

    TensorType(DataType onnx) {
        this.onnx = onnx;
    }

    DataType onnx() {
        return onnx;
    }

    boolean isFloat() {
        return this == FLOAT;
    }

    /** Parses a TF {@code DataType} enum name such as {@code DT_FLOAT}. */
    static TensorType fromTf(String tfType) {
        switch (tfType) {
            case "DT_FLOAT":
                return FLOAT;
            case "DT_INT32":
                return INT32;
            case "DT_INT64":
                return INT64;
            case "DT_BOOL":
                return BOOL;
            default:
                throw new IllegalArgumentException(
                        "TF type '"
                                + tfType
                                + "' is not supported; supported: DT_FLOAT, DT_INT32, DT_INT64,"
                                + " DT_BOOL");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
