package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writing converted models: atomically, so a failed conversion leaves no partial file. */
final class OnnxModelFiles {
    private OnnxModelFiles() {}

    /** Writes {@code model} to a temporary sibling of {@code onnxOut}, then moves it into place. */
    static ConversionResult write(ModelProto model, Path onnxOut) throws IOException {
        Path target = onnxOut.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary =
                Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                model.writeTo(out);
            }
            Files.move(
                    temporary,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new ConversionResult(
                onnxOut,
                OnnxGraphBuilder.OPSET,
                model.getGraph().getNodeCount(),
                names(model.getGraph().getInputList()),
                names(model.getGraph().getOutputList()));
    }

    private static List<String> names(List<ValueInfoProto> values) {
        return values.stream().map(ValueInfoProto::getName).toList();
    }
}
