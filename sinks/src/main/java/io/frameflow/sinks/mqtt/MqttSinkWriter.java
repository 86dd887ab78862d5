package io.frameflow.sinks.mqtt;

import io.frameflow.sinks.retry.Retrier;
import io.frameflow.sinks.retry.RetriesExhaustedException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the records of one subtask to their per-stream topics and keeps every message until the
 * broker acknowledges it (see {@link MqttSink} for the guarantee). {@link #flush} waits for all
 * acknowledgements; when the connection is lost, the writer reconnects with the retry policy's
 * backoff and publishes every unacknowledged message again, or fails after the last attempt.
 * Everything runs on the task thread except the client's acknowledgement callbacks.
 */
final class MqttSinkWriter<T> implements SinkWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSinkWriter.class);

    private final MqttSinkOptions options;
    private final MqttChannel<T> channel;
    private final String clientId;
    private final String name;
    private final MqttTopics topics;
    private final InFlightWindow window;
    private final SplittableRandom random = new SplittableRandom();
    private final Retrier retrier;
    private final Counter recordsSent;
    private final Counter bytesSent;
    private final Counter reconnects;
    private final Counter republished;
    private MqttConnection connection;

    /** Connections in a row that were lost before the broker acknowledged anything on them. */
    private int lostWithoutProgress;

    MqttSinkWriter(
            MqttSinkOptions options,
            MqttChannel<T> channel,
            int subtask,
            SinkWriterMetricGroup metrics)
            throws IOException, InterruptedException {
        this.options = options;
        this.channel = channel;
        this.clientId = options.clientIdFor(channel.name(), subtask);
        this.name = "mqtt sink '" + channel.name() + "' (client id " + clientId + ")";
        this.topics = new MqttTopics(options.prefix(), channel.name());
        this.window = new InFlightWindow(options.maxInFlight(), options.ackTimeout());
        this.recordsSent = metrics.getNumRecordsSendCounter();
        this.bytesSent = metrics.getNumBytesSendCounter();
        this.reconnects = metrics.counter("mqttReconnects");
        this.republished = metrics.counter("mqttRepublished");
        metrics.gauge("mqttInFlight", window::size);
        this.retrier =
                new Retrier(
                        options.retry(),
                        name,
                        e -> e instanceof MqttException,
                        d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000),
                        random::nextDouble);
        try {
            connection = connectAndRepublish("connect to broker " + options.broker());
        } catch (RetriesExhaustedException e) {
            // the message names the sink, the broker, the attempts and the last cause
            throw new MqttSinkException(e.getMessage(), e);
        }
        LOG.info(
                "{}: connected to {}, publishing to {}/<stream>/{} at QoS {}",
                name,
                options.broker(),
                options.prefix(),
                channel.name(),
                options.qos());
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        String topic;
        try {
            topic = topics.topicFor(channel.stream().of(element));
        } catch (IllegalArgumentException e) {
            throw new MqttSinkException(name + ": " + e.getMessage(), e);
        }
        byte[] payload = channel.payload().of(element);
        while (!window.awaitRoom()) {
            reconnect();
        }
        InFlightWindow.Message message = window.add(topic, payload);
        send(message);
        recordsSent.inc();
        bytesSent.inc(payload.length);
    }

    /**
     * Waits until the broker has acknowledged every message published so far (called before each
     * checkpoint barrier and at the end of the input), reconnecting and republishing as needed.
     */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        while (!window.awaitEmpty()) {
            reconnect();
        }
    }

    @Override
    public void close() {
        if (window.size() > 0) {
            // a failing or cancelled task: the messages come again from the last checkpoint
            LOG.info("{}: closing with {} unacknowledged messages", name, window.size());
        }
        if (connection != null) {
            connection.close();
        }
    }

    private void send(InFlightWindow.Message message) {
        try {
            connection.publish(message);
        } catch (MqttException e) {
            // the message stays in the window and goes out again after the reconnect
            window.failed(connection.generation(), e);
        }
    }

    private void reconnect() throws IOException, InterruptedException {
        Throwable cause = window.lost();
        String why = RetriesExhaustedException.describe(cause);
        connection.close();
        // A broker that takes the connection but drops it (or never acknowledges) for the same
        // message each time, e.g. one larger than it accepts, would have the writer reconnect
        // for ever: such connections count as failed attempts too.
        boolean progressed = window.acknowledgedInGeneration() > 0 || window.size() == 0;
        lostWithoutProgress = progressed ? 0 : lostWithoutProgress + 1;
        if (lostWithoutProgress >= options.retry().maxAttempts()) {
            throw noProgress(why, cause);
        }
        LOG.warn(
                "{}: lost the connection to {} ({}); reconnecting, {} messages to publish again",
                name,
                options.broker(),
                why,
                window.size());
        reconnects.inc();
        if (lostWithoutProgress > 0) {
            Duration wait = options.retry().backoff(lostWithoutProgress, random::nextDouble);
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        }
        try {
            connection = connectAndRepublish("reconnect to broker " + options.broker());
        } catch (RetriesExhaustedException e) {
            throw new MqttSinkException(
                    e.getMessage() + "; the connection had been lost: " + why, e);
        }
        LOG.info("{}: reconnected to {}", name, options.broker());
    }

    private MqttSinkException noProgress(String why, Throwable cause) {
        InFlightWindow.Message oldest = window.oldest();
        return new MqttSinkException(
                name
                        + ": broker "
                        + options.broker()
                        + " lost or stalled "
                        + lostWithoutProgress
                        + " connections in a row before acknowledging any message (last: "
                        + why
                        + "); the oldest unacknowledged message has "
                        + oldest.payload().length
                        + " bytes on topic "
                        + oldest.topic()
                        + ": a message the broker refuses, e.g. over its size limit, does this",
                cause);
    }

    /** Connects a new client and publishes the window's messages on it, with retries. */
    private MqttConnection connectAndRepublish(String operation)
            throws RetriesExhaustedException, InterruptedException {
        try {
            return retrier.call(
                    operation,
                    attempt -> {
                        List<InFlightWindow.Message> again = window.startGeneration();
                        MqttConnection opened =
                                MqttConnection.open(options, clientId, window, window.generation());
                        try {
                            for (InFlightWindow.Message message : again) {
                                opened.publish(message);
                            }
                        } catch (MqttException e) {
                            opened.close();
                            throw e;
                        }
                        republished.inc(again.size());
                        return opened;
                    });
        } catch (MqttException e) {
            // the retrier retries every MqttException; this cannot happen
            throw new IllegalStateException(name + ": " + operation + " failed", e);
        }
    }
}
