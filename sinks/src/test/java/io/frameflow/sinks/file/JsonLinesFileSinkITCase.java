package io.frameflow.sinks.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
                .sinkTo(JsonLinesFileSink.forResults(out.toString(), "results"));
        env.execute("jsonl sink test");

        List<Path> files;
        try (Stream<Path> listing = Files.list(out)) {
            files = listing.toList();
        }
        assertFalse(files.isEmpty());
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
        assertEquals(300, seen.size());
    }

    @Test
    void rejectsABadPrefixWithTheValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> JsonLinesFileSink.forResults(out.toString(), "../up"));
        assertTrue(e.getMessage().contains("'../up'"), e.getMessage());
    }
}
