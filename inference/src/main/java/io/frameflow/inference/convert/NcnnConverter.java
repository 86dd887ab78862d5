package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Converts an ncnn model (text {@code .param} plus {@code .bin} weights) to ONNX opset 13: enough
 * of ncnn for SRVGGNet-style super-resolution models such as Real-ESRGAN's {@code
 * realesr-animevideov3} (Convolution, PReLU, ReLU, PixelShuffle, Interp, BinaryOp, Eltwise, Concat,
 * Split). Tensors keep their ncnn blob names ({@code data} in, {@code output} out for those
 * models), in NCHW with a dynamic batch, height and width. fp16 weights are widened to fp32. The
 * conversion fails unless every byte of the {@code .bin} file is accounted for by the layers, which
 * catches a weight layout that was misread. Instances are stateless and may be shared.
 */
public final class NcnnConverter {

    /**
     * Reads {@code paramFile} and {@code binFile} and writes the ONNX model to {@code onnxOut}
     * (atomically).
     *
     * @throws ModelConversionException if the model is malformed, uses a layer or parameter the
     *     converter does not support, or its weights do not match; the message names the layer
     */
    public ConversionResult convert(Path paramFile, Path binFile, Path onnxOut) throws IOException {
        return OnnxModelFiles.write(toOnnx(paramFile, binFile), onnxOut);
    }

    /** The {@code .bin} file ncnn's tools write next to {@code paramFile}: same base name. */
    public static Path weightsBeside(Path paramFile) {
        String name = paramFile.getFileName().toString();
        if (!name.endsWith(".param")) {
            throw new ModelConversionException(paramFile + " is not an ncnn .param file");
        }
        return paramFile.resolveSibling(name.substring(0, name.length() - 6) + ".bin");
    }

    static ModelProto toOnnx(Path paramFile, Path binFile) throws IOException {
        List<NcnnLayer> layers = NcnnParamReader.read(paramFile);
        OnnxGraphBuilder graph = new OnnxGraphBuilder();
        for (NcnnLayer layer : layers) {
            layer.inputs().forEach(graph::reserve);
            layer.outputs().forEach(graph::reserve);
        }
        NcnnWeightReader weights = new NcnnWeightReader(binFile);
        NcnnLayerTranslator translator = new NcnnLayerTranslator(graph, weights);
        List<NcnnLayer> inputs = new ArrayList<>();
        Set<String> consumed = new HashSet<>();
        Set<String> produced = new LinkedHashSet<>();
        for (NcnnLayer layer : layers) {
            layer.inputs().forEach(blob -> consumed.add(translator.tensor(blob)));
            if (layer.type().equals("Input")) {
                layer.expectBlobs(0, 1);
                layer.onlyParams(0, 1, 2);
                int c = layer.integer(2, 0);
                translator.setChannels(layer.outputs().get(0), c > 0 ? c : -1);
                inputs.add(layer);
            } else {
                translator.translate(layer);
                if (!layer.type().equals("Split")) {
                    produced.addAll(layer.outputs());
                }
            }
        }
        weights.checkFullyConsumed();
        if (inputs.size() != 1) {
            throw new ModelConversionException(
                    paramFile
                            + " has "
                            + inputs.size()
                            + " Input layers; exactly one is supported");
        }
        String input = inputs.get(0).outputs().get(0);
        graph.input(input, TensorType.FLOAT, nchw(translator.channels(input)));
        produced.removeAll(consumed);
        if (produced.isEmpty()) {
            throw new ModelConversionException(paramFile + " has no output blob");
        }
        for (String output : produced) {
            graph.output(output, TensorType.FLOAT, nchw(translator.channels(output)));
        }
        return graph.build(
                paramFile.getFileName().toString(),
                "FrameFlow " + NcnnConverter.class.getSimpleName());
    }

    private static long[] nchw(long channels) {
        return new long[] {-1, channels, -1, -1};
    }
}
