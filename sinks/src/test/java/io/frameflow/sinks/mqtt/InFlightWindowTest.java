package io.frameflow.sinks.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class InFlightWindowTest {
    private static final Duration LONG = Duration.ofMinutes(5);

    @Test
    void unacknowledgedMessagesComeBackInOrderForTheNextConnection() {
        InFlightWindow window = new InFlightWindow(10, LONG);
        window.startGeneration();
        InFlightWindow.Message a = window.add("t/a", new byte[] {1});
        InFlightWindow.Message b = window.add("t/b", new byte[] {2});
        InFlightWindow.Message c = window.add("t/c", new byte[] {3});
        window.acknowledged(b.id());
        window.failed(window.generation(), new IOException("Connection lost"));

        assertThat(window.lost()).hasMessage("Connection lost");
        assertThat(window.acknowledgedInGeneration()).isEqualTo(1);
        assertThat(window.startGeneration())
                .extracting(InFlightWindow.Message::id)
                .containsExactly(a.id(), c.id());
        assertThat(window.lost()).isNull();
        assertThat(window.acknowledgedInGeneration()).isZero();
    }

    @Test
    void failuresOfAnOlderConnectionAreIgnored() {
        InFlightWindow window = new InFlightWindow(10, LONG);
        long first = window.generation();
        window.startGeneration();
        window.failed(first, new IOException("late report of the old connection"));
        assertThat(window.lost()).isNull();
    }

    @Test
    void aFullWindowWaitsForAnAcknowledgement() throws Exception {
        InFlightWindow window = new InFlightWindow(2, LONG);
        InFlightWindow.Message a = window.add("t", new byte[0]);
        window.add("t", new byte[0]);
        CompletableFuture<Boolean> room =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return window.awaitRoom();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        Thread.sleep(50);
        assertThat(room).isNotDone();
        window.acknowledged(a.id());
        assertThat(room.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void waitingEndsWhenTheConnectionIsLost() throws Exception {
        InFlightWindow window = new InFlightWindow(2, LONG);
        window.add("t", new byte[0]);
        CompletableFuture<Boolean> empty =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return window.awaitEmpty();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        window.failed(window.generation(), new IOException("Connection lost"));
        assertThat(empty.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(window.size()).isEqualTo(1);
    }

    @Test
    void aMessageWithoutAcknowledgementForTooLongCountsAsALostConnection() throws Exception {
        InFlightWindow window = new InFlightWindow(10, Duration.ofMillis(100));
        window.add("t", new byte[0]);
        assertThat(window.awaitEmpty()).isFalse();
        assertThat(window.lost())
                .isInstanceOf(TimeoutException.class)
                .hasMessage(
                        "no acknowledgement within 100 ms for the oldest of 1 messages in flight");
        // the next connection republishes it with a fresh deadline
        window.startGeneration();
        assertThat(window.lost()).isNull();
        assertThat(window.awaitRoom()).isTrue();
    }
}
