package io.frameflow.inference.catalog;

import java.io.IOException;
import java.nio.file.Path;

/** Turns a model's source file (its weights next to it) into an ONNX file. */
@FunctionalInterface
public interface ModelConverter {

    /**
     * @param modelFile the model's main file, e.g. a TF.js model.json
     * @param onnxOut where to write the ONNX model
     * @return a one-line description of the conversion for the cache manifest
     */
    String convert(Path modelFile, Path onnxOut) throws IOException;
}
