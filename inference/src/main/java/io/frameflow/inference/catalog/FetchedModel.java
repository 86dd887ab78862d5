package io.frameflow.inference.catalog;

import io.frameflow.inference.runtime.LocalModelFile;
import io.frameflow.inference.spec.ModelSpec;
import java.nio.file.Path;

/**
 * A model that is in the local cache, ready to load: its spec, its ONNX file and that file's sha256
 * (recorded at conversion time, checked again by whoever loads it).
 */
public record FetchedModel(ModelSpec spec, Path onnxFile, String onnxSha256) {

    /** {@code name@version}. */
    public String modelId() {
        return spec.modelId();
    }

    /** The ONNX file and its recorded digest, as a predictor factory carries them into a job. */
    public LocalModelFile localFile() {
        return new LocalModelFile(modelId(), onnxFile.toString(), onnxSha256);
    }
}
