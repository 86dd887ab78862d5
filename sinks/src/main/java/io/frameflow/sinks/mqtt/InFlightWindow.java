package io.frameflow.sinks.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The messages a writer has published and the broker has not yet acknowledged, in publish order, at
 * most {@code capacity} of them; and whether the connection they went out on is still good.
 *
 * <p>The writer's task thread adds messages and waits for room or for all acknowledgements; the
 * MQTT client's threads report acknowledgements and failures. Every connection has a number (its
 * generation): reports from an older connection about failures are ignored, because the writer has
 * already republished its messages on a newer one. A message leaves the window only when
 * acknowledged, so after a lost connection everything still in it goes out again.
 *
 * <p>A connection whose oldest message waits longer than the acknowledgement timeout counts as lost
 * too: a broker that drops a message without acknowledging it (some do when overloaded) would
 * otherwise stall the writer for good, since an MQTT 3.1.1 client resends only after reconnecting.
 */
final class InFlightWindow {
    /** One message, kept until acknowledged; {@code publishedNanos} is its latest publish. */
    record Message(long id, String topic, byte[] payload, long publishedNanos) {}

    private final int capacity;
    private final long ackTimeoutNanos;
    private final Map<Long, Message> pending = new LinkedHashMap<>();
    private long nextId;
    private long generation;
    private long acknowledgedInGeneration;
    private Throwable lost;

    InFlightWindow(int capacity, Duration ackTimeout) {
        this.capacity = capacity;
        this.ackTimeoutNanos = ackTimeout.toNanos();
    }

    /** Adds a message; the caller has waited for room with {@link #awaitRoom()}. */
    synchronized Message add(String topic, byte[] payload) {
        Message message = new Message(nextId++, topic, payload, System.nanoTime());
        pending.put(message.id(), message);
        return message;
    }

    /** The broker acknowledged message {@code id} (on any connection). */
    synchronized void acknowledged(long id) {
        if (pending.remove(id) != null) {
            acknowledgedInGeneration++;
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

    /** Acknowledgements since the current generation started. */
    synchronized long acknowledgedInGeneration() {
        return acknowledgedInGeneration;
    }

    /** The oldest unacknowledged message, or null when there is none. */
    synchronized Message oldest() {
        Iterator<Message> it = pending.values().iterator();
        return it.hasNext() ? it.next() : null;
    }

    /**
     * Starts a new connection's generation: failure reports of older ones are ignored from now on.
     *
     * @return the messages to publish again on it, in their first publish order
     */
    synchronized List<Message> startGeneration() {
        generation++;
        acknowledgedInGeneration = 0;
        lost = null;
        long now = System.nanoTime();
        // re-putting existing keys keeps their order
        pending.replaceAll((id, m) -> new Message(id, m.topic(), m.payload(), now));
        return new ArrayList<>(pending.values());
    }

    /**
     * Waits until a message fits.
     *
     * @return true when one fits, false when the connection was lost first
     */
    synchronized boolean awaitRoom() throws InterruptedException {
        checkAckTimeout();
        while (lost == null && pending.size() >= capacity) {
            waitForAcknowledgements();
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
            waitForAcknowledgements();
        }
        return lost == null;
    }

    synchronized int size() {
        return pending.size();
    }

    private void waitForAcknowledgements() throws InterruptedException {
        long remaining = oldest().publishedNanos() + ackTimeoutNanos - System.nanoTime();
        if (remaining > 0) {
            wait(remaining / 1_000_000 + 1);
        }
        checkAckTimeout();
    }

    private void checkAckTimeout() {
        Message oldest = oldest();
        if (lost == null
                && oldest != null
                && System.nanoTime() - oldest.publishedNanos() > ackTimeoutNanos) {
            lost =
                    new TimeoutException(
                            "no acknowledgement within "
                                    + ackTimeoutNanos / 1_000_000
                                    + " ms for the oldest of "
                                    + pending.size()
                                    + " messages in flight");
        }
    }
}
