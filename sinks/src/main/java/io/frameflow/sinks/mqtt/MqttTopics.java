package io.frameflow.sinks.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The topics of one writer: {@code <prefix>/<stream>/<channel>}, built once per stream. Also the
 * rules a topic prefix must follow to publish to (MQTT 3.1.1 §4.7).
 */
final class MqttTopics {
    /** Stream ids as sources allow them; anything else cannot be trusted as one topic level. */
    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** Room left under the protocol's 65535-byte topic limit for the stream and channel levels. */
    static final int PREFIX_MAX_BYTES = 1024;

    private final String prefix;
    private final String channel;
    private final Map<String, String> byStream = new HashMap<>();

    MqttTopics(String prefix, String channel) {
        this.prefix = prefix;
        this.channel = channel;
    }

    /**
     * The topic of {@code streamId}'s messages.
     *
     * @throws IllegalArgumentException when the stream id cannot be a topic level
     */
    String topicFor(String streamId) {
        String topic = byStream.get(streamId);
        if (topic == null) {
            if (!STREAM_ID.matcher(streamId).matches()) {
                throw new IllegalArgumentException(
                        "stream id '"
                                + streamId
                                + "' cannot be an MQTT topic level: stream ids are 1-128 letters,"
                                + " digits, '.', '_', '-'");
            }
            topic = prefix + "/" + streamId + "/" + channel;
            byStream.put(streamId, topic);
        }
        return topic;
    }

    /**
     * Why {@code prefix} cannot start the topics a client publishes to, or null when it can: it
     * must be non-empty, hold no wildcard ({@code +}, {@code #}), no empty level (no leading,
     * trailing or double {@code /}), no NUL character, must not start with {@code $} (brokers
     * reserve those topics), and be at most {@value #PREFIX_MAX_BYTES} bytes of UTF-8.
     */
    static String prefixProblem(String prefix) {
        if (prefix.isEmpty()) {
            return "it is empty";
        }
        if (prefix.indexOf('+') >= 0 || prefix.indexOf('#') >= 0) {
            return "wildcards '+' and '#' are for subscribing, not publishing";
        }
        if (prefix.indexOf('\0') >= 0) {
            return "it holds a NUL character";
        }
        if (prefix.startsWith("$")) {
            return "topics starting with '$' are reserved by brokers";
        }
        if (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")) {
            return "it has an empty level (a leading, trailing or double '/')";
        }
        if (prefix.getBytes(StandardCharsets.UTF_8).length > PREFIX_MAX_BYTES) {
            return "it is longer than " + PREFIX_MAX_BYTES + " bytes";
        }
        return null;
    }
}
