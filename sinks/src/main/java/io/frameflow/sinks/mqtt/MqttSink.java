package io.frameflow.sinks.mqtt;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.sinks.retry.RetriesExhaustedException;
import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Publishes records to an MQTT 3.1.1 broker as JSON, one message per record, on per-stream topics:
 * track events to {@code <prefix>/<stream>/events}, window results to {@code
 * <prefix>/<stream>/windows}, frame results to {@code <prefix>/<stream>/results}. One sink per kind
 * of record ({@link #forEvents}, {@link #forWindows}, {@link #forResults}); each writer (one per
 * subtask) has its own connection with the client id {@code <client-id>-<kind>-<subtask>}, a clean
 * session, and messages that are not retained.
 *
 * <p>Delivery: <b>at-least-once</b> at QoS 1 (the default) and QoS 2. A writer keeps every message
 * until the broker acknowledges it (at most {@code max-in-flight}; when that many are waiting, the
 * writer waits too, which backpressures the job). Before each checkpoint barrier and at the end of
 * the input it waits until every message is acknowledged, so a completed checkpoint means the
 * broker has everything before it. When the connection is lost, or the oldest message has waited
 * longer than {@code ack-timeout}, the writer reconnects with exponential backoff and jitter and
 * publishes every unacknowledged message again; after {@code retry.max-attempts} failed attempts in
 * a row (a connection lost again before any acknowledgement counts as one) it fails the job with a
 * {@link MqttSinkException} naming the sink, the broker and the cause. Nothing is lost, but
 * messages can come twice: those republished after a reconnect, and those published since the last
 * checkpoint when the job restarts from it. Consumers drop repeats by the record's identity (see
 * {@link TrackEvent}, {@link WindowResult}; (stream, seq, model) for frame results). QoS 2 does not
 * remove these repeats: its exactly-once handshake holds only within one session. At QoS 0 the
 * broker does not acknowledge: a message counts as delivered once written to the connection, so
 * messages written just before a connection is lost can be lost (at-most-once for those).
 */
public final class MqttSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final MqttSinkOptions options;
    private final MqttChannel<T> channel;

    private MqttSink(MqttSinkOptions options, MqttChannel<T> channel) {
        this.options = options;
        this.channel = channel;
    }

    /** Track events to {@code <prefix>/<stream>/events}. */
    public static MqttSink<TrackEvent> forEvents(MqttSinkOptions options) {
        return new MqttSink<>(options, MqttChannel.EVENTS);
    }

    /**
     * Window results to {@code <prefix>/<stream>/windows}. The caller adds this sink when {@link
     * MqttSinkOptions#windows()} is set.
     */
    public static MqttSink<WindowResult> forWindows(MqttSinkOptions options) {
        return new MqttSink<>(options, MqttChannel.WINDOWS);
    }

    /**
     * Frame results to {@code <prefix>/<stream>/results}. The caller adds this sink when {@link
     * MqttSinkOptions#results()} is set.
     */
    public static MqttSink<FrameResult> forResults(MqttSinkOptions options) {
        return new MqttSink<>(options, MqttChannel.RESULTS);
    }

    /**
     * Connects to the broker once (one attempt, at most the connect timeout) and disconnects: call
     * it while building the job, so that a wrong address or credentials fail at startup.
     *
     * @throws MqttSinkException naming the broker and the cause when it cannot connect
     */
    public static void checkBroker(MqttSinkOptions options) throws MqttSinkException {
        try (MqttConnection ignored =
                MqttConnection.open(options, options.clientId() + "-check", null, 0)) {
            // connected: the broker is there and takes the credentials
        } catch (MqttException e) {
            throw new MqttSinkException(
                    "mqtt sink: cannot connect to broker "
                            + options.broker()
                            + ": "
                            + RetriesExhaustedException.describe(e)
                            + " (check '"
                            + MqttSinkOptions.KEY_BROKER
                            + "'"
                            + (options.username() != null
                                    ? ", '"
                                            + MqttSinkOptions.KEY_USERNAME
                                            + "' and '"
                                            + MqttSinkOptions.KEY_PASSWORD
                                            + "'"
                                    : "")
                            + ")",
                    e);
        }
    }

    /** The options this sink was built with. */
    public MqttSinkOptions options() {
        return options;
    }

    /**
     * The last topic level of this sink's messages: {@code events}, {@code windows} or {@code
     * results}.
     */
    public String channel() {
        return channel.name();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        try {
            return new MqttSinkWriter<>(
                    options,
                    channel,
                    context.getTaskInfo().getIndexOfThisSubtask(),
                    context.metricGroup());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(
                    "mqtt sink '" + channel.name() + "': interrupted while connecting", e);
        }
    }
}
