package io.frameflow.inference.fetch;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where fetched packages and converted models are kept: {@code $FRAMEFLOW_CACHE} if set, else
 * {@code $XDG_CACHE_HOME/frameflow}, else {@code ~/.cache/frameflow}, or an explicit directory.
 * Entries appear atomically and are written under a file lock (see {@link AtomicDirectory}), so
 * several processes may share one cache.
 */
public final class FrameflowCache {
    /** The environment variable that overrides the cache location. */
    public static final String ENV_VARIABLE = "FRAMEFLOW_CACHE";

    private final Path root;

    private FrameflowCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A cache in an explicit directory. */
    public static FrameflowCache at(Path root) {
        return new FrameflowCache(Objects.requireNonNull(root, "root"));
    }

    /** The cache this process's environment selects. */
    public static FrameflowCache fromEnvironment() {
        return at(resolveRoot(System.getenv(), System.getProperty("user.home")));
    }

    /** The cache directory an environment selects (the rules in the class comment). */
    static Path resolveRoot(Map<String, String> env, String userHome) {
        String explicit = env.get(ENV_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "frameflow");
        }
        return Path.of(userHome, ".cache", "frameflow");
    }

    public Path root() {
        return root;
    }

    /** The directory of an asset's extracted files. */
    public Path assetDirectory(AssetSpec asset) {
        return root.resolve("assets").resolve(asset.cacheKey());
    }

    /** The directory of one converted model version. */
    public Path modelDirectory(String name, String version) {
        return root.resolve("models").resolve(name).resolve(version);
    }

    /**
     * The lock file that guards writes to an entry. Locks live apart from the entries so that the
     * content tree holds only complete entries.
     */
    public Path lockFile(Path entry) {
        Path relative = root.relativize(entry.toAbsolutePath().normalize());
        return root.resolve("locks").resolve(relative.toString().replace('/', '+') + ".lock");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
