package example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads FrameFlow's Kafka topics of frame results (and, if given, window results) and prints, per
 * stream, how many objects of one class (persons by default) each frame holds, and every window
 * result. A self-contained example of a consumer: it needs only kafka-clients and Jackson.
 *
 * <ul>
 *   <li>{@code isolation.level=read_committed}: with an exactly-once sink, records of transactions
 *       that were aborted (a job that failed and restarted) are never seen.
 *   <li>The {@code frameflow-schema} header says which JSON Schema a value follows ({@code
 *       frame-result/1}, {@code window-result/1}); a record of a schema or version this program was
 *       not written for is skipped with a message instead of being misread.
 *   <li>Unknown fields are ignored: a new version of FrameFlow may add fields without changing the
 *       schema version.
 * </ul>
 *
 * <pre>
 * ResultsConsumer BOOTSTRAP RESULTS_TOPIC [WINDOWS_TOPIC] [--from-beginning]
 *                 [--label LABEL] [--exit-when-idle SECONDS]
 * </pre>
 */
public final class ResultsConsumer {
    /** The header naming a record's schema, as {@code name/version}. */
    static final String SCHEMA_HEADER = "frameflow-schema";

    /** The schema versions this program understands. */
    static final Map<String, Integer> READABLE = Map.of("frame-result", 1, "window-result", 1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final String label;

    /** Prints to {@code out}, counting objects labelled {@code label} in frames. */
    public ResultsConsumer(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    public static void main(String[] args) {
        List<String> topics = new ArrayList<>();
        String bootstrap = null;
        String label = "person";
        boolean fromBeginning = false;
        Duration exitWhenIdle = null;
        for (Iterator<String> it = List.of(args).iterator(); it.hasNext(); ) {
            String arg = it.next();
            switch (arg) {
                case "--from-beginning" -> fromBeginning = true;
                case "--label" -> label = value(it, arg);
                case "--exit-when-idle" ->
                        exitWhenIdle = Duration.ofSeconds(Long.parseLong(value(it, arg)));
                default -> {
                    if (arg.startsWith("--")) {
                        usage("unknown option " + arg);
                    } else if (bootstrap == null) {
                        bootstrap = arg;
                    } else {
                        topics.add(arg);
                    }
                }
            }
        }
        if (bootstrap == null || topics.isEmpty() || topics.size() > 2) {
            usage("give the bootstrap servers and one or two topics");
        }
        new ResultsConsumer(System.out, label).run(bootstrap, topics, fromBeginning, exitWhenIdle);
    }

    /**
     * Polls {@code topics} until interrupted, or until no record came for {@code exitWhenIdle}
     * (when not null).
     */
    public void run(
            String bootstrap, List<String> topics, boolean fromBeginning, Duration exitWhenIdle) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "frameflow-example-consumer");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            long idleSince = System.nanoTime();
            while (exitWhenIdle == null || System.nanoTime() - idleSince < exitWhenIdle.toNanos()) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    handle(record);
                    idleSince = System.nanoTime();
                }
            }
        }
    }

    /** Prints one record, or why it was skipped. */
    public void handle(ConsumerRecord<byte[], byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        Header header = record.headers().lastHeader(SCHEMA_HEADER);
        if (header == null) {
            out.println("skipped " + where + ": no " + SCHEMA_HEADER + " header");
            return;
        }
        String schema = new String(header.value(), StandardCharsets.UTF_8);
        String[] parts = schema.split("/", 2);
        Integer readable = READABLE.get(parts[0]);
        if (readable == null || parts.length < 2 || !parts[1].equals(readable.toString())) {
            out.println(
                    "skipped "
                            + where
                            + ": schema "
                            + schema
                            + ", this consumer reads "
                            + READABLE.entrySet().stream()
                                    .map(e -> e.getKey() + "/" + e.getValue())
                                    .sorted()
                                    .toList());
            return;
        }
        JsonNode value;
        try {
            value = JSON.readTree(record.value());
        } catch (IOException e) {
            out.println("skipped " + where + ": not JSON (" + e.getMessage() + ")");
            return;
        }
        if (parts[0].equals("frame-result")) {
            printFrame(value);
        } else {
            printWindow(value);
        }
    }

    /** One line per frame: stream, frame number, capture time, objects of the label. */
    private void printFrame(JsonNode result) {
        int count = 0;
        for (JsonNode detection : result.path("detections")) {
            if (detection.path("label").asText().equals(label)) {
                count++;
            }
        }
        out.printf(
                "%s frame %d at %s: %d %s%n",
                result.path("stream").asText(),
                result.path("seq").asLong(),
                time(result.path("capture_ms").asLong(), result.path("time_source").asText()),
                count,
                label);
    }

    /** One line per window firing, with its figures. */
    private void printWindow(JsonNode window) {
        String kind = window.path("kind").asText();
        String where =
                window.has("zone")
                        ? " in zone " + window.get("zone").asText()
                        : window.has("line") ? " over line " + window.get("line").asText() : "";
        StringBuilder values = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : window.path("values").properties()) {
            values.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        long start = window.path("window_start_ms").asLong();
        long end = window.path("window_end_ms").asLong();
        String source = start >= 1_000_000_000_000L ? "epoch" : "media";
        out.printf(
                "%s %s window [%s, %s) %s%s:%s (revision %d)%n",
                window.path("stream").asText(),
                kind,
                time(start, source),
                time(end, source),
                window.path("label").asText(),
                where,
                values,
                window.path("revision").asInt());
    }

    /** Epoch times as instants; a file's media time as seconds from its start. */
    private static String time(long millis, String timeSource) {
        return timeSource.equals("media")
                ? String.format("%.3fs", millis / 1000.0)
                : Instant.ofEpochMilli(millis).toString();
    }

    private static String value(Iterator<String> it, String option) {
        if (!it.hasNext()) {
            usage(option + " needs a value");
        }
        return it.next();
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println(
                "usage: ResultsConsumer BOOTSTRAP RESULTS_TOPIC [WINDOWS_TOPIC] [--from-beginning]"
                        + " [--label LABEL] [--exit-when-idle SECONDS]");
        System.exit(2);
    }
}
