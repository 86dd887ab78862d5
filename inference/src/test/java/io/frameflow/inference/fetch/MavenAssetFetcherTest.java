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

/**
 * Fetches a small real Maven artifact ({@code org.opentest4j:opentest4j:1.3.0}, Apache-2.0, which
 * the build itself uses) with the real {@code mvn dependency:copy} and takes entries out of the
 * jar.
 */
class MavenAssetFetcherTest {
    /** Digest of the opentest4j 1.3.0 jar as published on Maven Central. */
    static final String OPENTEST4J_SHA256 =
            "48e2df636cab6563ced64dcdff8abb2355627cb236ef0bf37598682ddf742f1b";

    @TempDir Path cacheRoot;

    private static AssetSpec opentest4j(String sha256, AssetFile... files) {
        return AssetSpec.of(
                new MavenArtifact("org.opentest4j", "opentest4j", "1.3.0", sha256), files);
    }

    @Test
    void copiesVerifiesAndExtractsJarEntries() throws IOException {
        List<String> steps = new ArrayList<>();
        AssetSpec asset = opentest4j(OPENTEST4J_SHA256, AssetFile.of("META-INF/LICENSE"));

        FetchedAsset fetched =
                new AssetFetcher().fetch(asset, FrameflowCache.at(cacheRoot), steps::add);

        assertThat(Files.readString(fetched.file("LICENSE"))).contains("Apache License");
        assertThat(steps)
                .startsWith(
                        "downloading org.opentest4j:opentest4j:1.3.0 (mvn dependency:copy)…",
                        "verifying sha256 of opentest4j-1.3.0.jar…",
                        "extracting 1 files…");
        assertThat(fetched.directory().toString())
                .contains("maven/org.opentest4j+opentest4j@1.3.0");
    }

    @Test
    void aWrongDigestDiscardsTheDownload() {
        AssetSpec asset = opentest4j("0".repeat(64), AssetFile.of("META-INF/LICENSE"));

        assertThatThrownBy(
                        () ->
                                new AssetFetcher()
                                        .fetch(asset, FrameflowCache.at(cacheRoot), s -> {}))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining("Maven artifact org.opentest4j:opentest4j:1.3.0");
        assertThat(FrameflowCache.at(cacheRoot).assetDirectory(asset)).doesNotExist();
    }

    @Test
    void aMissingEntryListsEntriesWithTheSameName() {
        AssetSpec asset = opentest4j(OPENTEST4J_SHA256, AssetFile.of("LICENSE"));

        assertThatThrownBy(
                        () ->
                                new AssetFetcher()
                                        .fetch(asset, FrameflowCache.at(cacheRoot), s -> {}))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(
                        "Maven artifact org.opentest4j:opentest4j:1.3.0 has no entry 'LICENSE'")
                .hasMessageContaining("entries with that file name: [META-INF/LICENSE]");
    }

    @Test
    void aMissingMavenIsNamedWithAnInstallHint(@TempDir Path empty) {
        AssetSpec asset = opentest4j(OPENTEST4J_SHA256, AssetFile.of("META-INF/LICENSE"));
        AssetFetcher fetcher =
                new AssetFetcher(
                        new NpmClient(empty.toString()),
                        new AptClient(),
                        new MavenClient(empty.toString()));

        assertThatThrownBy(() -> fetcher.fetch(asset, FrameflowCache.at(cacheRoot), s -> {}))
                .isInstanceOf(FetchException.class)
                .hasMessage("mvn not found on PATH: install Apache Maven");
    }
}
