package io.frameflow.sinks.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.common.serde.TrackEventTypeInfoFactory;
import io.frameflow.common.serde.WindowResultTypeInfoFactory;
import io.frameflow.sinks.json.FrameResultJson;
import io.frameflow.sinks.json.TrackEventJson;
import io.frameflow.sinks.json.WindowResultJson;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT sink against a real broker (Moquette, in process), in Flink jobs and on its own. */
class MqttSinkITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir Path dataDir;
    private EmbeddedMqttBroker broker;

    @BeforeEach
    void startBroker() throws Exception {
        broker = EmbeddedMqttBroker.start(dataDir);
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    /** A received message: topic, payload, and how it came. */
    record Received(String topic, String payload, int qos, boolean retained) {}

    @Test
    void aSubscriberGetsEveryRecordOnItsStreamTopicAsJson() throws Exception {
        List<TrackEvent> events = TestEvents.interleaved(400, "cam-a", "cam-b");
        List<WindowResult> windows = windows("cam-a", "cam-b");
        List<FrameResult> results = results("cam-a", "cam-b");
        List<String> expected = new ArrayList<>();
        events.forEach(e -> expected.add(key(e.streamId(), "events", TrackEventJson.toBytes(e))));
        windows.forEach(
                w -> expected.add(key(w.streamId(), "windows", WindowResultJson.toBytes(w))));
        results.forEach(
                r -> expected.add(key(r.streamId(), "results", FrameResultJson.toBytes(r))));

        ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
        MqttClient subscriber = subscribe(received);
        try {
            MqttSinkOptions options =
                    MqttSinkOptions.builder("job", broker.uri()).results(true).build();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.enableCheckpointing(50);
            env.fromData(events, TrackEventTypeInfoFactory.TYPE_INFO)
                    .rebalance()
                    .sinkTo(MqttSink.forEvents(options));
            env.fromData(windows, WindowResultTypeInfoFactory.TYPE_INFO)
                    .sinkTo(MqttSink.forWindows(options));
            env.fromData(results, FrameResultTypeInfoFactory.TYPE_INFO)
                    .sinkTo(MqttSink.forResults(options));
            env.execute("mqtt sink test");

            // the job's end flushed every writer: the broker has acknowledged everything, and
            // forwards it to the subscriber in a moment
            awaitUntil(() -> received.size() >= expected.size(), Duration.ofSeconds(30));
        } finally {
            subscriber.disconnect();
            subscriber.close();
        }
        List<String> got = new ArrayList<>();
        for (Received r : received) {
            got.add(r.topic() + "\n" + r.payload());
            assertThat(r.qos()).as("QoS of %s", r.topic()).isEqualTo(1);
            assertThat(r.retained()).as("retained flag of %s", r.topic()).isFalse();
            JsonNode json = MAPPER.readTree(r.payload());
            assertThat(json.get("stream").asText())
                    .as("the stream of a message on %s", r.topic())
                    .isEqualTo(r.topic().split("/")[2]);
        }
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(broker.errors()).isEmpty();
    }

    @Test
    void flushReturnsOnlyWhenTheBrokerHasAcknowledgedEveryMessage() throws Exception {
        List<TrackEvent> events = TestEvents.interleaved(1500, "cam-a", "cam-b");
        MqttSinkOptions options =
                MqttSinkOptions.builder("job", broker.uri()).maxInFlight(50).build();
        MqttSinkWriter<TrackEvent> writer =
                new MqttSinkWriter<>(
                        options,
                        MqttChannel.EVENTS,
                        0,
                        UnregisteredMetricsGroup.createSinkWriterMetricGroup());
        try {
            for (TrackEvent event : events) {
                writer.write(event, null);
            }
            writer.flush(false);
            // stop the broker at once: whatever it has not accepted by now is never accepted
            broker.stop();
        } finally {
            writer.close();
        }
        Set<String> expected = new HashSet<>();
        events.forEach(e -> expected.add(key(e.streamId(), "events", TrackEventJson.toBytes(e))));
        assertThat(acceptedKeys())
                .hasSize(events.size())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aMessageTheBrokerRefusesFailsTheWriterInsteadOfRetryingForever() throws Exception {
        EmbeddedMqttBroker small = EmbeddedMqttBroker.start(dataDir.resolve("small"), 2048);
        MqttSinkOptions options =
                MqttSinkOptions.builder("job", small.uri())
                        .ackTimeout(Duration.ofSeconds(2))
                        .retryMaxAttempts(3)
                        .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(50))
                        .build();
        List<Detection> crowd = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            crowd.add(new Detection("person", 0, 0.8f, i, i, i + 30, i + 60));
        }
        FrameResult large =
                new FrameResult(
                        "cam-a", 7, 280_000, 280, TimeSource.MEDIA, 640, 480, false, "m@1", crowd);
        int size = FrameResultJson.toBytes(large).length;
        assertThat(size).isGreaterThan(2048);
        try (small;
                MqttSinkWriter<FrameResult> writer =
                        new MqttSinkWriter<>(
                                options,
                                MqttChannel.RESULTS,
                                0,
                                UnregisteredMetricsGroup.createSinkWriterMetricGroup())) {
            writer.write(large, null);
            assertThatThrownBy(() -> writer.flush(false))
                    .isInstanceOf(MqttSinkException.class)
                    .hasMessageContaining("mqtt sink 'results' (client id frameflow-job-results-0)")
                    .hasMessageContaining(
                            "lost or stalled 3 connections in a row before acknowledging any"
                                    + " message")
                    .hasMessageContaining(
                            "the oldest unacknowledged message has "
                                    + size
                                    + " bytes on topic frameflow/job/cam-a/results");
        }
        assertThat(small.acceptedCount()).isZero();
    }

    /** Sleeps a little per record, so that the job is still running when the broker goes. */
    static final class Slow implements MapFunction<TrackEvent, TrackEvent> {
        @Override
        public TrackEvent map(TrackEvent event) throws Exception {
            Thread.sleep(1);
            return event;
        }
    }

    @Test
    void theSinkReconnectsAfterABrokerRestartAndLosesNothing() throws Exception {
        List<TrackEvent> events = TestEvents.interleaved(2000, "cam-a", "cam-b");
        MqttSinkOptions options =
                MqttSinkOptions.builder("job", broker.uri())
                        .retryMaxAttempts(40)
                        .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                        .build();
        JobClient job = startSlowJob(events, options);

        awaitUntil(() -> broker.acceptedCount() >= 800, Duration.ofSeconds(60));
        broker.stop();
        Thread.sleep(1_000);
        broker.restart();
        job.getJobExecutionResult().get();

        Set<String> expected = new HashSet<>();
        events.forEach(e -> expected.add(key(e.streamId(), "events", TrackEventJson.toBytes(e))));
        List<String> accepted = acceptedKeys();
        assertThat(new HashSet<>(accepted)).isEqualTo(expected);
        // without restarts of the job (none are allowed), each writer reconnected by itself
        assertThat(broker.connects("frameflow-job-events-0")).isGreaterThanOrEqualTo(2);
        assertThat(broker.connects("frameflow-job-events-1")).isGreaterThanOrEqualTo(2);
        System.out.printf(
                "broker restart: %d events, %d accepted, %d repeats%n",
                expected.size(), accepted.size(), accepted.size() - expected.size());
    }

    @Test
    void aBrokerGoneForGoodFailsTheJobNamingSinkBrokerAndCause() throws Exception {
        List<TrackEvent> events = TestEvents.interleaved(5000, "cam-a", "cam-b");
        MqttSinkOptions options =
                MqttSinkOptions.builder("job", broker.uri())
                        .retryMaxAttempts(3)
                        .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(100))
                        .build();
        JobClient job = startSlowJob(events, options);

        awaitUntil(() -> broker.acceptedCount() >= 200, Duration.ofSeconds(60));
        broker.stop();

        ExecutionException failure =
                org.junit.jupiter.api.Assertions.assertThrows(
                        ExecutionException.class, () -> job.getJobExecutionResult().get());
        String message = findMessage(failure, "mqtt sink 'events'");
        assertThat(message)
                .contains("reconnect to broker " + broker.uri() + " failed 3 times, giving up: ")
                .contains("Unable to connect to server")
                .contains("; the connection had been lost: Connection lost");
    }

    @Test
    void anUnreachableBrokerIsAClearErrorAtStartup() throws Exception {
        String nobody = "tcp://127.0.0.1:" + freePort();
        MqttSinkOptions options =
                MqttSinkOptions.builder("job", nobody)
                        .connectTimeout(Duration.ofSeconds(2))
                        .retryMaxAttempts(2)
                        .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(20))
                        .build();

        assertThatThrownBy(() -> MqttSink.checkBroker(options))
                .isInstanceOf(MqttSinkException.class)
                .hasMessageStartingWith("mqtt sink: cannot connect to broker " + nobody + ": ")
                .hasMessageContaining("Unable to connect to server")
                .hasMessageContaining("check 'broker'");
        assertThatThrownBy(
                        () ->
                                new MqttSinkWriter<>(
                                        options,
                                        MqttChannel.EVENTS,
                                        3,
                                        UnregisteredMetricsGroup.createSinkWriterMetricGroup()))
                .isInstanceOf(MqttSinkException.class)
                .hasMessageContaining("mqtt sink 'events' (client id frameflow-job-events-3)")
                .hasMessageContaining(
                        "connect to broker "
                                + nobody
                                + " failed 2 times, giving up: Unable to"
                                + " connect to server");
    }

    @Test
    void theStartupCheckPassesAgainstARunningBroker() throws Exception {
        MqttSink.checkBroker(MqttSinkOptions.builder("job", broker.uri()).build());
        assertThat(broker.connects("frameflow-job-check")).isEqualTo(1);
    }

    private JobClient startSlowJob(List<TrackEvent> events, MqttSinkOptions options)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(100);
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        env.configure(noRestarts);
        env.fromData(events, TrackEventTypeInfoFactory.TYPE_INFO)
                .rebalance()
                .map(new Slow())
                .returns(TrackEventTypeInfoFactory.TYPE_INFO)
                .sinkTo(MqttSink.forEvents(options));
        return env.executeAsync("mqtt sink outage test");
    }

    private MqttClient subscribe(ConcurrentLinkedQueue<Received> into) throws Exception {
        MqttClient client =
                new MqttClient(broker.uri(), "test-subscriber", new MemoryPersistence());
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        connect.setCleanSession(true);
        client.connect(connect);
        String[] filters = {
            "frameflow/job/+/events", "frameflow/job/+/windows", "frameflow/job/+/results"
        };
        client.subscribe(
                filters,
                new int[] {1, 1, 1},
                new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {
                    (topic, m) -> into.add(received(topic, m)),
                    (topic, m) -> into.add(received(topic, m)),
                    (topic, m) -> into.add(received(topic, m))
                });
        return client;
    }

    private static Received received(
            String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
        return new Received(
                topic,
                new String(message.getPayload(), StandardCharsets.UTF_8),
                message.getQos(),
                message.isRetained());
    }

    private List<String> acceptedKeys() {
        List<String> keys = new ArrayList<>();
        for (EmbeddedMqttBroker.Accepted a : broker.accepted()) {
            keys.add(a.topic() + "\n" + a.payload());
        }
        return keys;
    }

    private static String key(String stream, String channel, byte[] payload) {
        return "frameflow/job/"
                + stream
                + "/"
                + channel
                + "\n"
                + new String(payload, StandardCharsets.UTF_8);
    }

    private static List<WindowResult> windows(String... streams) {
        List<WindowResult> windows = new ArrayList<>();
        for (String stream : streams) {
            for (int i = 0; i < 20; i++) {
                windows.add(
                        new WindowResult(
                                WindowResult.Kind.OCCUPANCY,
                                stream,
                                i * 10_000L,
                                (i + 1) * 10_000L,
                                "door",
                                "person",
                                0,
                                Map.of("frames", 250.0, "mean", 1.5, "max", 3.0, "tracks", 4.0)));
            }
        }
        return windows;
    }

    private static List<FrameResult> results(String... streams) {
        List<FrameResult> results = new ArrayList<>();
        for (String stream : streams) {
            for (int seq = 0; seq < 20; seq++) {
                results.add(
                        new FrameResult(
                                stream,
                                seq,
                                seq * 40_000L,
                                seq * 40L,
                                TimeSource.MEDIA,
                                640,
                                480,
                                false,
                                "m@1",
                                List.of(new Detection("person", 0, 0.8f, 1, 2, 30, 40))));
            }
        }
        return results;
    }

    /** Waits for a condition that the test needs before it can go on; fails after the deadline. */
    private static void awaitUntil(BooleanSupplier condition, Duration deadline)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + deadline);
            }
            Thread.sleep(10);
        }
    }

    private static String findMessage(Throwable failure, String part) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(part)) {
                return t.getMessage();
            }
        }
        throw new AssertionError("no cause mentions \"" + part + "\"", failure);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
