package io.frameflow.inference.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches files from the real Debian {@code darknet} package with apt-get and dpkg-deb. */
class DebianAssetFetcherTest {
    /** darknet's data/coco.names; the same on Debian and Ubuntu, unlike the .deb around it. */
    static final String COCO_NAMES_SHA256 =
            "634a1132eb33f8091d60f2c346ababe8b905ae08387037aed883953b7329af84";

    private static final String COCO_NAMES = "usr/share/darknet/data/coco.names";

    @TempDir Path cacheRoot;

    @Test
    void extractsAPinnedFileFromADeb() throws IOException {
        List<String> steps = new ArrayList<>();
        AssetSpec asset =
                AssetSpec.of(
                        DebianPackage.of("darknet"), AssetFile.of(COCO_NAMES, COCO_NAMES_SHA256));

        FetchedAsset fetched =
                new AssetFetcher().fetch(asset, FrameflowCache.at(cacheRoot), steps::add);

        List<String> names = Files.readAllLines(fetched.file("coco.names"));
        assertThat(names).hasSize(80);
        assertThat(names.get(0)).isEqualTo("person");
        assertThat(steps)
                .startsWith("downloading darknet (apt-get download)…")
                .contains("verifying sha256 of 1 files…");
        assertThat(steps.get(1)).matches("extracting 1 files from darknet_.*\\.deb…");
    }

    @Test
    void aWrongFileDigestDiscardsTheDownload() {
        String wrong = "f".repeat(64);
        AssetSpec asset =
                AssetSpec.of(DebianPackage.of("darknet"), AssetFile.of(COCO_NAMES, wrong));

        assertThatThrownBy(
                        () ->
                                new AssetFetcher()
                                        .fetch(
                                                asset,
                                                FrameflowCache.at(cacheRoot),
                                                ProgressListener.NONE))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessage(
                        "sha256 mismatch for '"
                                + COCO_NAMES
                                + "' of Debian package darknet: expected "
                                + wrong
                                + ", got "
                                + COCO_NAMES_SHA256
                                + "; the download was discarded");
        assertThat(CacheContents.withoutLocks(cacheRoot)).containsExactly("assets", "assets/deb");
    }

    @Test
    void anUnknownPackageReportsAptsOwnError() {
        AssetSpec asset =
                AssetSpec.of(
                        DebianPackage.of("frameflow-no-such-package"),
                        AssetFile.of("x/y", COCO_NAMES_SHA256));

        assertThatThrownBy(
                        () ->
                                new AssetFetcher()
                                        .fetch(
                                                asset,
                                                FrameflowCache.at(cacheRoot),
                                                ProgressListener.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessage(
                        "apt-get download frameflow-no-such-package failed: E: Unable to locate"
                                + " package frameflow-no-such-package (if the package exists, the"
                                + " package lists may be stale: run 'sudo apt-get update')");
    }

    @Test
    void missingPackageListsTellTheUserToUpdate(@TempDir Path emptyLists) throws IOException {
        Files.createDirectories(emptyLists.resolve("partial"));
        AptClient apt =
                new AptClient(
                        ExternalTool.systemPath(), List.of("Dir::State::Lists=" + emptyLists));
        AssetFetcher fetcher = new AssetFetcher(new NpmClient(), apt);
        AssetSpec asset =
                AssetSpec.of(
                        DebianPackage.of("darknet"), AssetFile.of(COCO_NAMES, COCO_NAMES_SHA256));

        assertThatThrownBy(
                        () ->
                                fetcher.fetch(
                                        asset, FrameflowCache.at(cacheRoot), ProgressListener.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessage(
                        "apt-get download darknet failed: E: Unable to locate package darknet; apt"
                                + " has no package lists: run 'sudo apt-get update'");
    }

    @Test
    void aptMissingFromPathIsReportedWithAHint(@TempDir Path emptyDir) {
        AssetFetcher fetcher =
                new AssetFetcher(new NpmClient(), new AptClient(emptyDir.toString(), List.of()));
        AssetSpec asset =
                AssetSpec.of(
                        DebianPackage.of("darknet"), AssetFile.of(COCO_NAMES, COCO_NAMES_SHA256));

        assertThatThrownBy(
                        () ->
                                fetcher.fetch(
                                        asset, FrameflowCache.at(cacheRoot), ProgressListener.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessage(
                        "apt-get not found on PATH: Debian packages are fetched with apt, which"
                                + " needs a Debian or Ubuntu system");
    }

    @Test
    void aBrokenDebReportsDpkgDebsError(@TempDir Path dir) throws IOException {
        Path deb = Files.writeString(dir.resolve("broken.deb"), "not an archive");

        assertThatThrownBy(
                        () -> {
                            try (java.io.InputStream tar = new AptClient().dataTar(deb)) {
                                tar.readAllBytes();
                            }
                        })
                .isInstanceOf(FetchException.class)
                // The rest of the line is dpkg-deb's own wording, which differs between versions.
                .hasMessageStartingWith(
                        "dpkg-deb --fsys-tarfile "
                                + deb
                                + " failed with exit code 2: dpkg-deb: error: ")
                .hasMessageEndingWith(deb.toString());
    }

    @Test
    void filesOfADebianPackageMustBePinned() {
        assertThatThrownBy(
                        () -> AssetSpec.of(DebianPackage.of("darknet"), AssetFile.of(COCO_NAMES)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Debian package darknet: '"
                                + COCO_NAMES
                                + "' has no sha256; files of Debian packages must be pinned");
    }
}
