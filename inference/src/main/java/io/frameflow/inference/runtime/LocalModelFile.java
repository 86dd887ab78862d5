package io.frameflow.inference.runtime;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.fetch.Sha256;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A model's ONNX file on the machine where a predictor is created, with the sha256 recorded when it
 * was fetched. Factories carry this into the job and {@link #verified()} checks it before loading:
 * a task manager never downloads, and never loads a file that changed.
 *
 * @param modelId {@code name@version}, for messages
 * @param path the ONNX file
 * @param sha256 its digest as recorded in the cache manifest
 */
public record LocalModelFile(String modelId, String path, String sha256) implements Serializable {

    public LocalModelFile {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * The file, after checking that it exists here and still has its recorded digest.
     *
     * @throws InferenceException naming the model and the file otherwise
     */
    public Path verified() {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + ": "
                            + file
                            + " does not exist on this machine; fetch the model into the cache"
                            + " here (or share the cache) before starting the job");
        }
        String actual = Sha256.of(file);
        if (!actual.equals(sha256)) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + ": "
                            + file
                            + " has sha256 "
                            + actual
                            + " but "
                            + sha256
                            + " was recorded when it was fetched; fetch the model again");
        }
        return file;
    }
}
