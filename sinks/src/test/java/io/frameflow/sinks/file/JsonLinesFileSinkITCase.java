package io.frameflow.sinks.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileSinkITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path out;

    @Test
    void everyResultLandsOnceInACommittedJsonlFile() throws Exception {
        List<FrameResult> results = new ArrayList<>();
        for (String stream : List.of("cam-a", "cam-b")) {
            for (int seq = 0; seq < 150; seq++) {
                results.add(
                        new FrameResult(
                                stream,
                                seq,
                                seq * 100_000L,
                                seq * 100L,
                                TimeSource.MEDIA,
                                64,
                                48,
                                false,
                                "m@1",
                                List.of(new Detection("person", 0, 0.5f, 1, 2, 3, 4))));
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(50);
        env.fromData(results, FrameResultTypeInfoFactory.TYPE_INFO)
                .rebalance()
                .sinkTo(
                        JsonLinesFileSink.forResults(
                                out.toString(),
                                "results",
                                JsonLinesFileSink.DEFAULT_ROLL_INTERVAL));
        env.execute("jsonl sink test");

        try (Stream<Path> listing = Files.list(out)) {
            assertEquals(2, listing.count(), "one file per writer: nothing rolls in a short job");
        }
        assertEquals(300, readIds().size());
    }

    /** Fails once, after checkpoints have completed, so the job restores and replays. */
    static final class FailOnce implements MapFunction<FrameResult, FrameResult> {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicInteger SEEN = new AtomicInteger();

        @Override
        public FrameResult map(FrameResult value) throws Exception {
            if (SEEN.incrementAndGet() == 400 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            if (!FAILED.get()) {
                Thread.sleep(2); // let a few checkpoints complete before the failure
            }
            return value;
        }
    }

    @Test
    void aRestoredJobWritesEveryResultExactlyOnce() throws Exception {
        List<FrameResult> results = frames(1_000);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(100);
        Configuration restart = new Configuration();
        restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        restart.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        env.configure(restart);
        env.fromData(results, FrameResultTypeInfoFactory.TYPE_INFO)
                .map(new FailOnce())
                .returns(FrameResultTypeInfoFactory.TYPE_INFO)
                .sinkTo(
                        JsonLinesFileSink.forResults(
                                out.toString(),
                                "results",
                                JsonLinesFileSink.DEFAULT_ROLL_INTERVAL));
        env.execute("jsonl sink restore test");

        assertTrue(FailOnce.FAILED.get(), "the failure was injected");
        assertTrue(FailOnce.SEEN.get() > 1_000, "records after the checkpoint were replayed");
        assertEquals(1_000, readIds().size());
    }

    private static List<FrameResult> frames(int n) {
        List<FrameResult> results = new ArrayList<>();
        for (int seq = 0; seq < n; seq++) {
            results.add(
                    new FrameResult(
                            "cam", seq, seq, seq, TimeSource.MEDIA, 8, 8, false, "m@1", List.of()));
        }
        return results;
    }

    /** Stream#seq of every line in committed files; fails on a duplicate or a stray file. */
    private Set<String> readIds() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(out)) {
            files = listing.toList();
        }
        Set<String> seen = new HashSet<>();
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertTrue(
                    name.startsWith("results-") && name.endsWith(".jsonl"),
                    "only committed result files are left, found " + name);
            for (String line : Files.readAllLines(file)) {
                JsonNode json = mapper.readTree(line);
                String id = json.get("stream").asText() + "#" + json.get("seq").asLong();
                assertTrue(seen.add(id), "written twice: " + id);
            }
        }
        return seen;
    }

    @Test
    void rejectsABadPrefixWithTheValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> JsonLinesFileSink.forResults(out.toString(), "../up", Duration.ZERO));
        assertTrue(e.getMessage().contains("'../up'"), e.getMessage());
        IllegalArgumentException zero =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> JsonLinesFileSink.forResults(out.toString(), "r", Duration.ZERO));
        assertTrue(zero.getMessage().contains("roll-interval"), zero.getMessage());
    }
}
