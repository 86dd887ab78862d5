package io.frameflow.inference.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicDirectoryTest {
    @TempDir Path root;

    private static boolean hasDone(Path dir) {
        return Files.isRegularFile(dir.resolve("done"));
    }

    @Test
    void publishesAFilledDirectoryUnderItsName() {
        Path dest = root.resolve("entries/a");

        boolean filled =
                AtomicDirectory.publish(
                        dest,
                        root.resolve("a.lock"),
                        AtomicDirectoryTest::hasDone,
                        staging -> Files.writeString(staging.resolve("done"), "yes"),
                        () -> {});

        assertThat(filled).isTrue();
        assertThat(dest.resolve("done")).hasContent("yes");
        assertThat(CacheContents.withoutLocks(root.resolve("entries")))
                .containsExactly("a", "a/done");
    }

    @Test
    void leavesNothingWhenTheFillerFails() {
        Path dest = root.resolve("entries/a");

        assertThatThrownBy(
                        () ->
                                AtomicDirectory.publish(
                                        dest,
                                        root.resolve("a.lock"),
                                        AtomicDirectoryTest::hasDone,
                                        staging -> {
                                            Files.writeString(staging.resolve("half"), "x");
                                            throw new IOException("disk on fire");
                                        },
                                        () -> {}))
                .hasMessageContaining("disk on fire");

        assertThat(CacheContents.withoutLocks(root.resolve("entries"))).isEmpty();
    }

    @Test
    void replacesAnIncompleteDirectoryAndRemovesLeftStagingDirectories() throws IOException {
        Path dest = root.resolve("entries/a");
        Files.createDirectories(dest);
        Files.writeString(dest.resolve("partial"), "x");
        Path killedStaging = root.resolve("entries/.a.tmp-0b3c5d2e-1111-2222-3333-444455556666");
        Path otherEntryStaging =
                root.resolve("entries/.a.b.tmp-0b3c5d2e-1111-2222-3333-444455556666");
        Files.createDirectories(killedStaging);
        Files.createDirectories(otherEntryStaging);

        AtomicDirectory.publish(
                dest,
                root.resolve("a.lock"),
                AtomicDirectoryTest::hasDone,
                staging -> Files.writeString(staging.resolve("done"), "yes"),
                () -> {});

        assertThat(CacheContents.withoutLocks(root.resolve("entries")))
                .containsExactly(".a.b.tmp-0b3c5d2e-1111-2222-3333-444455556666", "a", "a/done");
    }

    @Test
    void concurrentWritersFillOnceAndBothSeeTheResult() throws Exception {
        Path dest = root.resolve("entries/a");
        AtomicInteger fills = new AtomicInteger();
        AtomicInteger waits = new AtomicInteger();
        CountDownLatch firstFillStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstFill = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(
                        pool.submit(
                                () ->
                                        AtomicDirectory.publish(
                                                dest,
                                                root.resolve("a.lock"),
                                                AtomicDirectoryTest::hasDone,
                                                staging -> {
                                                    fills.incrementAndGet();
                                                    firstFillStarted.countDown();
                                                    awaitQuietly(releaseFirstFill);
                                                    Files.writeString(staging.resolve("done"), "1");
                                                },
                                                () -> {
                                                    waits.incrementAndGet();
                                                    releaseFirstFill.countDown();
                                                })));
                if (i == 0) {
                    assertThat(firstFillStarted.await(10, TimeUnit.SECONDS)).isTrue();
                }
            }
            List<Boolean> filled = new ArrayList<>();
            for (Future<Boolean> result : results) {
                filled.add(result.get(20, TimeUnit.SECONDS));
            }

            assertThat(filled).containsExactlyInAnyOrder(true, false);
            assertThat(fills).hasValue(1);
            assertThat(waits).hasValue(1);
            assertThat(dest.resolve("done")).hasContent("1");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IOException("the second writer never waited for the lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
