package io.frameflow.inference.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches a small real npm package ({@code is-number@7.0.0}, MIT) with the real npm client. */
class NpmAssetFetcherTest {
    /** Digest of the is-number 7.0.0 tarball as published (npm content is immutable). */
    static final String IS_NUMBER_SHA256 =
            "7b75c1057198cf97696909a9bee176c9c5e9bcb5b03bf3ecef2f484defadd51e";

    private static final String WRONG = "0".repeat(64);

    @TempDir Path cacheRoot;

    private FrameflowCache cache() {
        return FrameflowCache.at(cacheRoot);
    }

    private static AssetSpec isNumber(String tarballSha, AssetFile... files) {
        return AssetSpec.of(new NpmPackage("is-number", "7.0.0", tarballSha), files);
    }

    @Test
    void fetchesVerifiesAndExtractsTheNamedFiles() throws IOException {
        List<String> steps = new ArrayList<>();
        AssetSpec asset =
                isNumber(
                        IS_NUMBER_SHA256,
                        AssetFile.of("package/package.json"),
                        new AssetFile("package/index.js", "is-number.js", null));

        FetchedAsset fetched = new AssetFetcher().fetch(asset, cache(), steps::add);

        assertThat(Files.readString(fetched.file("package.json")))
                .contains("\"version\": \"7.0.0\"");
        assertThat(Files.readString(fetched.file("is-number.js"))).contains("module.exports");
        assertThat(fetched.directory()).isEqualTo(cache().assetDirectory(asset));
        assertThat(steps)
                .startsWith(
                        "downloading is-number@7.0.0 (npm pack)…",
                        "verifying sha256 of is-number-7.0.0.tgz…",
                        "extracting 2 files…");
        // Only the named files (and their digests) are kept: not the tarball, not README.md.
        try (var files = Files.list(fetched.directory())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("package.json", "is-number.js", ".sha256sums");
        }
    }

    @Test
    void reusesACompleteEntryAndRefetchesADamagedOne() throws IOException {
        AssetSpec asset = isNumber(IS_NUMBER_SHA256, AssetFile.of("package/index.js"));
        FetchedAsset first = new AssetFetcher().fetch(asset, cache(), ProgressListener.NONE);
        String original = Files.readString(first.file("index.js"));

        List<String> again = new ArrayList<>();
        new AssetFetcher().fetch(asset, cache(), again::add);
        assertThat(again).noneMatch(s -> s.startsWith("downloading"));
        assertThat(again.get(again.size() - 1))
                .startsWith("using cached npm package is-number@7.0.0");

        Files.writeString(first.file("index.js"), "tampered");
        List<String> repair = new ArrayList<>();
        new AssetFetcher().fetch(asset, cache(), repair::add);
        assertThat(repair).anyMatch(s -> s.endsWith("index.js is damaged; fetching it again"));
        assertThat(repair).contains("downloading is-number@7.0.0 (npm pack)…");
        assertThat(first.file("index.js")).hasContent(original);
    }

    @Test
    void aWrongPackageDigestDiscardsTheDownload() {
        AssetSpec asset = isNumber(WRONG, AssetFile.of("package/index.js"));

        assertThatThrownBy(() -> new AssetFetcher().fetch(asset, cache(), ProgressListener.NONE))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessage(
                        "sha256 mismatch for npm package is-number@7.0.0: expected "
                                + WRONG
                                + ", got "
                                + IS_NUMBER_SHA256
                                + "; the download was discarded");
        assertThat(CacheContents.withoutLocks(cacheRoot)).containsExactly("assets", "assets/npm");
    }

    @Test
    void aWrongFileDigestDiscardsTheDownload(@TempDir Path dir) {
        AssetSpec asset = isNumber(IS_NUMBER_SHA256, AssetFile.of("package/index.js", WRONG));
        Path dest = dir.resolve("is-number");

        assertThatThrownBy(() -> new AssetFetcher().fetch(asset, dest, ProgressListener.NONE))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageStartingWith(
                        "sha256 mismatch for 'package/index.js' of npm package is-number@7.0.0:"
                                + " expected "
                                + WRONG
                                + ", got ")
                .hasMessageEndingWith("; the download was discarded");
        assertThat(CacheContents.withoutLocks(dir)).containsExactly(".is-number.lock");
    }

    @Test
    void aMissingEntryIsNamedWithEntriesOfTheSameFileName() {
        AssetSpec asset = isNumber(IS_NUMBER_SHA256, AssetFile.of("package/lib/index.js"));

        assertThatThrownBy(() -> new AssetFetcher().fetch(asset, cache(), ProgressListener.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessage(
                        "npm package is-number@7.0.0 has no entry 'package/lib/index.js' (4"
                                + " entries; entries with that file name: [package/index.js])");
        assertThat(CacheContents.withoutLocks(cacheRoot)).containsExactly("assets", "assets/npm");
    }

    @Test
    void anUnknownVersionReportsNpmsOwnError() {
        AssetSpec asset =
                AssetSpec.of(
                        new NpmPackage("is-number", "99.0.0", WRONG),
                        AssetFile.of("package/index.js"));

        assertThatThrownBy(() -> new AssetFetcher().fetch(asset, cache(), ProgressListener.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("npm pack is-number@99.0.0 failed: npm error")
                .hasMessageContaining("No matching version found for is-number@99.0.0");
    }

    @Test
    void npmMissingFromPathIsReportedWithAHint(@TempDir Path emptyDir) {
        AssetFetcher fetcher =
                new AssetFetcher(new NpmClient(emptyDir.toString()), new AptClient());
        AssetSpec asset = isNumber(IS_NUMBER_SHA256, AssetFile.of("package/index.js"));

        assertThatThrownBy(() -> fetcher.fetch(asset, cache(), ProgressListener.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessage("npm not found on PATH: install Node.js and npm");
    }

    @Test
    void twoThreadsFetchingTheSameAssetDownloadItOnce() throws Exception {
        AssetSpec asset = isNumber(IS_NUMBER_SHA256, AssetFile.of("package/index.js"));
        List<String> steps = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<FetchedAsset>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(
                        pool.submit(() -> new AssetFetcher().fetch(asset, cache(), steps::add)));
            }
            for (Future<FetchedAsset> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS).file("index.js")).exists();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(steps.stream().filter(s -> s.startsWith("downloading"))).hasSize(1);
    }
}
