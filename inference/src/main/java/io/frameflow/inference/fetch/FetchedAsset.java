package io.frameflow.inference.fetch;

import java.nio.file.Path;
import java.util.Map;

/**
 * Files an {@link AssetFetcher} extracted and verified.
 *
 * @param directory where they are
 * @param files each file by its {@link AssetFile#fileName()}
 */
public record FetchedAsset(Path directory, Map<String, Path> files) {

    public FetchedAsset {
        files = Map.copyOf(files);
    }

    /** The extracted file with this name. */
    public Path file(String fileName) {
        Path file = files.get(fileName);
        if (file == null) {
            throw new IllegalArgumentException(
                    "no file '" + fileName + "' was fetched; fetched: " + files.keySet());
        }
        return file;
    }
}
