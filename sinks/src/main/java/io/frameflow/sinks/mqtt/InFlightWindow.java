package io.frameflow.sinks.mqtt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages a writer has published and the broker has not yet acknowledged, in publish order, at
 * most {@code capacity} of them; and whether the connection they went out on is still good.
 *
 * <p>The writer's task thread adds messages and waits for room or for all acknowledgements; the
 * MQTT client's threads report acknowledgements and failures. Every connection has a number (its
 * generation): reports from an older connection about failures are ignored, because the writer has
 * already republished its messages on a newer one. A message leaves the window only when
 * acknowledged, so after a lost connection everything still in it goes out again.
 */
final class InFlightWindow {
    /** One message, kept until acknowledged. */
    record Message(long id, String topic, byte[] payload) {}

    private final int capacity;
    private final Map<Long, Message> pending = new LinkedHashMap<>();
    private long nextId;
    private long generation;
    private Throwable lost;

    InFlightWindow(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a message; the caller has waited for room with {@link #awaitRoom()}. */
    synchronized Message add(String topic, byte[] payload) {
        Message message = new Message(nextId++, topic, payload);
        pending.put(message.id(), message);
        return message;
    }

    /** The broker acknowledged message {@code id} (on any connection). */
    synchronized void acknowledged(long id) {
        if (pending.remove(id) != null) {
            notifyAll();
        }
    }

    /** Connection {@code generation} failed (lost, or a publish on it failed). */
    synchronized void failed(long generation, Throwable cause) {
        if (generation == this.generation && lost == null) {
            lost = cause;
            notifyAll();
        }
    }

    /** The current connection's generation, for its reports. */
    synchronized long generation() {
        return generation;
    }

    /** Why the current connection is no good, or null while it is. */
    synchronized Throwable lost() {
        return lost;
    }

    /**
     * Starts a new connection's generation: failure reports of older ones are ignored from now on.
     *
     * @return the messages to publish again on it, in their first publish order
     */
    synchronized List<Message> startGeneration() {
        generation++;
        lost = null;
        return new ArrayList<>(pending.values());
    }

    /**
     * Waits until a message fits.
     *
     * @return true when one fits, false when the connection was lost first
     */
    synchronized boolean awaitRoom() throws InterruptedException {
        while (lost == null && pending.size() >= capacity) {
            wait();
        }
        return lost == null;
    }

    /**
     * Waits until every message is acknowledged.
     *
     * @return true when all are, false when the connection was lost first
     */
    synchronized boolean awaitEmpty() throws InterruptedException {
        while (lost == null && !pending.isEmpty()) {
            wait();
        }
        return lost == null;
    }

    synchronized int size() {
        return pending.size();
    }
}
