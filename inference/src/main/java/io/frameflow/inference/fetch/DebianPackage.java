package io.frameflow.inference.fetch;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Debian package, fetched with {@code apt-get download}. The .deb itself is not pinned because
 * its bytes differ between Debian and Ubuntu and between releases; the files taken from it must be
 * pinned instead ({@link AssetFile#sha256()}; {@link AssetSpec} enforces it).
 *
 * @param version an exact version, or {@code null} for whatever apt's candidate is
 */
public record DebianPackage(String name, String version) implements PackageSource {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");

    public DebianPackage {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Debian package name '" + name + "' is not valid");
        }
    }

    /** The candidate version of a package. */
    public static DebianPackage of(String name) {
        return new DebianPackage(name, null);
    }

    public Optional<String> pinnedVersion() {
        return Optional.ofNullable(version);
    }

    /** {@code name} or {@code name=version}, the form {@code apt-get download} takes. */
    public String aptArgument() {
        return version == null ? name : name + "=" + version;
    }

    @Override
    public String describe() {
        return "Debian package " + aptArgument();
    }

    @Override
    public String cacheKey() {
        return "deb/" + (version == null ? name : name + "=" + version.replace(':', '+'));
    }
}
