package io.frameflow.inference.convert;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Converts a TF.js graph model (model.json plus weight shards) to an ONNX file.
 *
 * <p>PLACEHOLDER: the signature is fixed so that the catalog can be written against it; the
 * converter itself is being written on its own branch and replaces this file.
 */
public final class TfjsGraphConverter {

    /**
     * Reads {@code modelJson} (its weight shards are resolved relative to it) and writes an ONNX
     * model to {@code onnxOut}.
     *
     * @return what was written
     * @throws ModelConversionException if the model uses an op or layout the converter does not
     *     support; the message names the node and op
     */
    public ConversionResult convert(Path modelJson, Path onnxOut) throws IOException {
        throw new UnsupportedOperationException("TF.js converter not merged yet");
    }
}
