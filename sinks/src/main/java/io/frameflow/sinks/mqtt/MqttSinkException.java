package io.frameflow.sinks.mqtt;

import java.io.IOException;

/**
 * The MQTT sink cannot deliver: the broker is unreachable (at startup, or after the last reconnect
 * attempt) or a record cannot be published. The message names the sink, the broker and the cause.
 */
public final class MqttSinkException extends IOException {
    private static final long serialVersionUID = 1L;

    public MqttSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
