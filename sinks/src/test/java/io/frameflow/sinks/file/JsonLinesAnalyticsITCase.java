package io.frameflow.sinks.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.common.serde.TrackEventTypeInfoFactory;
import io.frameflow.common.serde.WindowResultTypeInfoFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window results and track events in the {@code windows/} and {@code events/} subdirectories of a
 * {@code jsonl} sink: rolled by the same policy as results, committed at checkpoints, each record
 * once.
 */
class JsonLinesAnalyticsITCase {
    private static final int RECORDS = 120;
    private static final Duration ROLL = Duration.ofMillis(200);

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path out;

    @Test
    void windowsAndEventsRollIntoTheirOwnDirectories() throws Exception {
        List<WindowResult> windows = new ArrayList<>();
        List<TrackEvent> events = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            windows.add(
                    new WindowResult(
                            WindowResult.Kind.OCCUPANCY,
                            "cam",
                            i * 1_000L,
                            (i + 1) * 1_000L,
                            "door",
                            "person",
                            0,
                            Map.of(
                                    "frames", 25.0,
                                    "mean", 0.5,
                                    "max", 1.0,
                                    "tracks", 1.0,
                                    "entries", 1.0)));
            events.add(
                    new TrackEvent(
                            TrackEvent.Type.TRACK_START,
                            "cam",
                            i + 1,
                            "person",
                            i,
                            i * 40L,
                            null,
                            null,
                            0,
                            1,
                            2,
                            3,
                            4));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(50);
        Path windowDir = out.resolve(JsonLinesFileSink.WINDOWS_SUBDIRECTORY);
        Path eventDir = out.resolve(JsonLinesFileSink.EVENTS_SUBDIRECTORY);
        env.fromData(windows, WindowResultTypeInfoFactory.TYPE_INFO)
                .map(new Slow<>())
                .returns(WindowResultTypeInfoFactory.TYPE_INFO)
                .sinkTo(JsonLinesFileSink.forWindowResults(windowDir.toString(), "windows", ROLL));
        env.fromData(events, TrackEventTypeInfoFactory.TYPE_INFO)
                .map(new Slow<>())
                .returns(TrackEventTypeInfoFactory.TYPE_INFO)
                .sinkTo(JsonLinesFileSink.forTrackEvents(eventDir.toString(), "events", ROLL));
        env.execute("jsonl analytics test");

        Lines windowLines = read(windowDir, "windows-");
        Lines eventLines = read(eventDir, "events-");
        assertThat(windowLines.files).as("files rolled every %s", ROLL).isGreaterThan(1);
        assertThat(eventLines.files).as("files rolled every %s", ROLL).isGreaterThan(1);
        Set<String> windowIds = new HashSet<>();
        for (JsonNode w : windowLines.json) {
            assertThat(w.get("kind").asText()).isEqualTo("occupancy");
            assertThat(windowIds.add(w.get("window_start_ms").asText())).as("once: " + w).isTrue();
        }
        Set<Long> trackIds = new HashSet<>();
        for (JsonNode e : eventLines.json) {
            assertThat(e.get("type").asText()).isEqualTo("track_start");
            assertThat(trackIds.add(e.get("track_id").asLong())).as("once: " + e).isTrue();
        }
        assertThat(windowIds).hasSize(RECORDS);
        assertThat(trackIds).hasSize(RECORDS);
    }

    /** Spreads the records over a few roll intervals. */
    static final class Slow<T> implements MapFunction<T, T> {
        @Override
        public T map(T value) throws Exception {
            Thread.sleep(8);
            return value;
        }
    }

    private record Lines(int files, List<JsonNode> json) {}

    /** Every line of the committed files in {@code dir}; fails on a file not yet committed. */
    private static Lines read(Path dir, String prefix) throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.toList();
        }
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> json = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertThat(name).startsWith(prefix).endsWith(JsonLinesFileSink.SUFFIX);
            for (String line : Files.readAllLines(file)) {
                json.add(mapper.readTree(line));
            }
        }
        return new Lines(files.size(), json);
    }
}
