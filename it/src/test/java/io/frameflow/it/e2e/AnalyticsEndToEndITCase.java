package io.frameflow.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics example (examples/analytics.yaml) through the real command line on the real clip:
 * results carry track ids, the events and windows directories fill with their records, and each
 * stream gets an MP4 file.
 */
class AnalyticsEndToEndITCase {
    private static final int FRAMES = 60;

    @TempDir Path dir;

    @Test
    void theExampleTracksCountsAndDraws() throws Exception {
        String example = Files.readString(Path.of("..", "examples", "analytics.yaml"));
        assertThat(example).contains("max-frames: 300", "out/analytics-video", "out/analytics ");
        String yaml =
                example.replace("max-frames: 300", "max-frames: " + FRAMES)
                        .replace("out/analytics-video", dir.resolve("video").toString())
                        .replace("out/analytics ", dir.resolve("out") + " ");
        Path pipeline = Cli.pipeline(dir, yaml);

        Cli.Result run = Cli.run("run", pipeline.toString());
        assertThat(run.exit()).as(run.toString()).isZero();

        List<JsonNode> results = Cli.readJsonLines(dir.resolve("out"));
        assertThat(results).hasSize(FRAMES);
        Set<Long> tracks = new HashSet<>();
        for (JsonNode r : results) {
            for (JsonNode d : r.get("detections")) {
                if (d.has("track_id")) {
                    assertThat(d.get("label").asText()).isEqualTo("person");
                    tracks.add(d.get("track_id").asLong());
                }
            }
        }
        assertThat(tracks).as("people followed across the clip").hasSizeGreaterThan(3);

        List<JsonNode> events = Cli.readJsonLines(dir.resolve("out/events"));
        assertThat(events.stream().map(e -> e.get("type").asText()))
                .contains("track_start", "track_end")
                .containsAnyOf("zone_enter", "line_crossing");
        long starts =
                events.stream().filter(e -> e.get("type").asText().equals("track_start")).count();
        long ends = events.stream().filter(e -> e.get("type").asText().equals("track_end")).count();
        assertThat(starts).as("every track starts once").isEqualTo(tracks.size());
        assertThat(ends).as("the end of input ends every track").isEqualTo(starts);

        List<JsonNode> windows = Cli.readJsonLines(dir.resolve("out/windows"));
        assertThat(windows.stream().map(w -> w.get("kind").asText()))
                .contains("count", "occupancy", "crossings");
        JsonNode firstCount =
                windows.stream()
                        .filter(
                                w ->
                                        w.get("kind").asText().equals("count")
                                                && w.get("window_start_ms").asLong() == 0
                                                && w.get("window_end_ms").asLong() == 10_000)
                        .findFirst()
                        .orElseThrow();
        assertThat(firstCount.at("/values/frames").asLong()).isEqualTo(FRAMES);
        assertThat(firstCount.at("/values/tracks").asLong()).isEqualTo(tracks.size());

        try (Stream<Path> files = Files.walk(dir.resolve("video"))) {
            List<Path> mp4 =
                    files.filter(p -> p.getFileName().toString().endsWith(".mp4")).toList();
            assertThat(mp4).hasSize(1);
            assertThat(mp4.get(0).getFileName().toString()).isEqualTo("vtest-0.mp4");
            assertThat(Files.size(mp4.get(0))).isGreaterThan(10_000);
        }
        assertThat(run.out()).contains(dir.resolve("video") + "/<stream>/*.mp4");
    }
}
