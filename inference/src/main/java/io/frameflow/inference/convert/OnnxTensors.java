package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds ONNX initializers and value infos from the converter's tensors. */
final class OnnxTensors {
    private OnnxTensors() {}

    /** An initializer in raw little-endian form, the compact encoding ONNX readers expect. */
    static TensorProto initializer(String name, ConstTensor tensor) {
        TensorProto.Builder b = TensorProto.newBuilder().setName(name);
        b.setDataType(tensor.type().onnx().getNumber());
        for (long dim : tensor.shape()) {
            b.addDims(dim);
        }
        b.setRawData(UnsafeByteOperations.unsafeWrap(rawBytes(tensor)));
        return b.build();
    }

    private static byte[] rawBytes(ConstTensor tensor) {
        int size = tensor.size();
        switch (tensor.type()) {
            case FLOAT:
                ByteBuffer floats = ByteBuffer.allocate(4 * size).order(ByteOrder.LITTLE_ENDIAN);
                floats.asFloatBuffer().put(tensor.floats());
                return floats.array();
            case INT32:
                ByteBuffer ints = ByteBuffer.allocate(4 * size).order(ByteOrder.LITTLE_ENDIAN);
                for (long value : tensor.longs()) {
                    ints.putInt(Math.toIntExact(value));
                }
                return ints.array();
            case INT64:
                ByteBuffer longs = ByteBuffer.allocate(8 * size).order(ByteOrder.LITTLE_ENDIAN);
                longs.asLongBuffer().put(tensor.longs());
                return longs.array();
            default:
                byte[] bools = new byte[size];
                for (int i = 0; i < size; i++) {
                    bools[i] = (byte) (tensor.longs()[i] != 0 ? 1 : 0);
                }
                return bools;
        }
    }

    /** A graph input or output; {@code shape} null means unknown rank, -1 an unknown dimension. */
    static ValueInfoProto valueInfo(String name, TensorType type, long[] shape) {
        TypeProto.Tensor.Builder tensor =
                TypeProto.Tensor.newBuilder().setElemType(type.onnx().getNumber());
        if (shape != null) {
            TensorShapeProto.Builder dims = TensorShapeProto.newBuilder();
            for (long dim : shape) {
                TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
                if (dim >= 0) {
                    d.setDimValue(dim);
                }
                dims.addDim(d);
            }
            tensor.setShape(dims);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensor))
                .build();
    }
}
