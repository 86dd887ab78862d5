package io.frameflow.sinks.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MQTT 3.1.1 broker (Moquette) in the test's JVM, on 127.0.0.1 and a free port, with its
 * data under the test's directory. It can be stopped and started again on the same port, and
 * records every message it accepts ({@link #accepted()}) and every connect, across restarts: the
 * broker's own view of what a publisher delivered.
 */
final class EmbeddedMqttBroker implements AutoCloseable {
    /** One message the broker accepted from a publisher. */
    record Accepted(String clientId, String topic, String payload) {}

    private final Path dataDir;
    private final int maxMessageBytes;
    private final Recorder recorder = new Recorder();
    private Server server;
    private int port;

    private EmbeddedMqttBroker(Path dataDir, int maxMessageBytes) {
        this.dataDir = dataDir;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Starts a broker on a free port that takes messages up to 1 MiB. */
    static EmbeddedMqttBroker start(Path dataDir) throws IOException {
        return start(dataDir, 1 << 20);
    }

    /** Starts a broker on a free port that refuses messages over {@code maxMessageBytes}. */
    static EmbeddedMqttBroker start(Path dataDir, int maxMessageBytes) throws IOException {
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(dataDir, maxMessageBytes);
        broker.startOn(0);
        return broker;
    }

    int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Stops the broker: every connection drops, the port closes. */
    synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    /** Starts the broker again on the port it had. */
    synchronized void restart() throws IOException {
        if (server == null) {
            startOn(port);
        }
    }

    /** The messages accepted so far, in arrival order. */
    List<Accepted> accepted() {
        return List.copyOf(recorder.accepted);
    }

    int acceptedCount() {
        return recorder.count.get();
    }

    /** Errors the broker reported in its session loops; a healthy run has none. */
    List<Throwable> errors() {
        return List.copyOf(recorder.errors);
    }

    /** How often a client with this id connected. */
    int connects(String clientId) {
        return recorder.connects.getOrDefault(clientId, 0);
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startOn(int requestedPort) throws IOException {
        Properties props = new Properties();
        props.setProperty("host", "127.0.0.1");
        props.setProperty("port", Integer.toString(requestedPort));
        // without a data path Moquette writes into the working directory
        props.setProperty("data_path", dataDir.toString());
        props.setProperty("persistence_enabled", "false");
        props.setProperty("telemetry_enabled", "false");
        props.setProperty("allow_anonymous", "true");
        props.setProperty("buffer_flush_millis", "immediate");
        // the default is about 8 KB, less than some frame results
        props.setProperty("netty.mqtt.message_size", Integer.toString(maxMessageBytes));
        Server started = new Server();
        started.startServer(new MemoryConfig(props), List.of(recorder));
        server = started;
        port = boundPort(started, requestedPort);
    }

    /** Moquette learns the port it bound on its event loop, a moment after it started. */
    private static int boundPort(Server server, int requested) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int bound;
        while ((bound = server.getPort()) == 0) {
            if (System.nanoTime() > deadline) {
                server.stopServer();
                throw new IOException(
                        "the broker did not report its port (asked " + requested + ")");
            }
            Thread.onSpinWait();
        }
        return bound;
    }

    private static final class Recorder extends AbstractInterceptHandler {
        final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        final AtomicInteger count = new AtomicInteger();
        final Map<String, Integer> connects = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();

        @Override
        public String getID() {
            return "test-recorder";
        }

        @Override
        public void onConnect(InterceptConnectMessage msg) {
            connects.merge(msg.getClientID(), 1, Integer::sum);
        }

        @Override
        public void onPublish(InterceptPublishMessage msg) {
            String payload =
                    new String(ByteBufUtil.getBytes(msg.getPayload()), StandardCharsets.UTF_8);
            accepted.add(new Accepted(msg.getClientID(), msg.getTopicName(), payload));
            count.incrementAndGet();
        }

        @Override
        public void onSessionLoopError(Throwable error) {
            errors.add(error);
        }
    }
}
