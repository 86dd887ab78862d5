package io.frameflow.sinks.mqtt;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.sinks.json.FrameResultJson;
import io.frameflow.sinks.json.TrackEventJson;
import io.frameflow.sinks.json.WindowResultJson;
import java.io.Serializable;

/**
 * What one MQTT sink publishes: the last topic level ({@code events}, {@code windows}, {@code
 * results}), how to find a record's stream, and its JSON payload.
 *
 * @param name the last topic level, also part of the client id
 * @param stream the stream id of a record
 * @param payload the JSON form of a record
 */
record MqttChannel<T>(String name, StreamOf<T> stream, PayloadOf<T> payload)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static final MqttChannel<TrackEvent> EVENTS =
            new MqttChannel<>("events", TrackEvent::streamId, TrackEventJson::toBytes);
    static final MqttChannel<WindowResult> WINDOWS =
            new MqttChannel<>("windows", WindowResult::streamId, WindowResultJson::toBytes);
    static final MqttChannel<FrameResult> RESULTS =
            new MqttChannel<>("results", FrameResult::streamId, FrameResultJson::toBytes);

    /** The stream id of a record. */
    @FunctionalInterface
    interface StreamOf<T> extends Serializable {
        String of(T record);
    }

    /** The message payload of a record. */
    @FunctionalInterface
    interface PayloadOf<T> extends Serializable {
        byte[] of(T record);
    }
}
