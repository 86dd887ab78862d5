package io.frameflow.sinks.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One connected MQTT 3.1.1 client (Eclipse Paho): clean session, no automatic reconnect (the writer
 * reconnects with its own backoff and republishes from its {@link InFlightWindow}), at most {@code
 * max-in-flight} unacknowledged messages. Acknowledgements and failures go to the window, tagged
 * with this connection's generation.
 */
final class MqttConnection implements AutoCloseable {
    private static final long CLOSE_TIMEOUT_MILLIS = 2_000;

    private final MqttAsyncClient client;
    private final InFlightWindow window;
    private final long generation;
    private final int qos;
    private final IMqttActionListener listener;

    private MqttConnection(
            MqttAsyncClient client, InFlightWindow window, long generation, int qos) {
        this.client = client;
        this.window = window;
        this.generation = generation;
        this.qos = qos;
        this.listener =
                new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        window.acknowledged((Long) token.getUserContext());
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable cause) {
                        window.failed(generation, cause);
                    }
                };
    }

    /**
     * Connects a new client and waits for the broker's answer, at most the connect timeout.
     *
     * @param window where acknowledgements and failures go; may be null for a connection check
     * @throws MqttException when the broker cannot be reached or refuses the connection
     */
    static MqttConnection open(
            MqttSinkOptions options, String clientId, InFlightWindow window, long generation)
            throws MqttException {
        MqttAsyncClient client =
                new MqttAsyncClient(options.broker(), clientId, new MemoryPersistence());
        if (window != null) {
            client.setCallback(new LossReporter(window, generation));
        }
        try {
            client.connect(connectOptions(options))
                    .waitForCompletion(options.connectTimeout().toMillis() + 1_000);
        } catch (MqttException e) {
            closeQuietly(client);
            throw e;
        }
        return new MqttConnection(client, window, generation, options.qos());
    }

    /**
     * Publishes a message of the window; its acknowledgement (or failure) comes back to the window.
     *
     * @throws MqttException when the client cannot take it (e.g. it is no longer connected)
     */
    void publish(InFlightWindow.Message message) throws MqttException {
        MqttMessage mqtt = new MqttMessage(message.payload());
        mqtt.setQos(qos);
        mqtt.setRetained(false);
        client.publish(message.topic(), mqtt, message.id(), listener);
    }

    long generation() {
        return generation;
    }

    @Override
    public void close() {
        closeQuietly(client);
    }

    private static MqttConnectOptions connectOptions(MqttSinkOptions options) {
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        connect.setCleanSession(true);
        connect.setAutomaticReconnect(false);
        connect.setMaxInflight(options.maxInFlight());
        // Paho counts in whole seconds, and 0 would mean "no timeout"
        connect.setConnectionTimeout(secondsAtLeastOne(options.connectTimeout().toMillis()));
        connect.setKeepAliveInterval(secondsAtLeastOne(options.keepAlive().toMillis()));
        if (options.username() != null) {
            connect.setUserName(options.username());
        }
        if (options.password() != null) {
            connect.setPassword(options.password().toCharArray());
        }
        return connect;
    }

    private static int secondsAtLeastOne(long millis) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
    }

    private static void closeQuietly(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                // no quiesce: the writer has waited for what it needed; DISCONNECT tells the
                // broker that this is a normal end
                client.disconnect(0).waitForCompletion(CLOSE_TIMEOUT_MILLIS);
            }
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, CLOSE_TIMEOUT_MILLIS, false);
            } catch (MqttException ignored) {
                // the connection is going away either way; close() below frees the client
            }
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // nothing is left to free that a failed close could keep
        }
    }

    /** Reports a lost connection to the window; incoming messages do not happen (no subscribe). */
    private record LossReporter(InFlightWindow window, long generation) implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            window.failed(generation, cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {}

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {}
    }
}
