package io.frameflow.inference.convert;

import java.nio.file.Path;
import java.util.List;

/**
 * What a conversion wrote.
 *
 * @param onnxFile the ONNX model written
 * @param opset the ONNX opset it targets
 * @param nodeCount number of nodes in the ONNX graph
 * @param inputs graph input names
 * @param outputs graph output names
 */
public record ConversionResult(
        Path onnxFile, int opset, int nodeCount, List<String> inputs, List<String> outputs) {}
