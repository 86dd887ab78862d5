package io.frameflow.operators.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchOptionsTest {

    @Test
    void defaultsAreEightFramesFiftyMillisecondsAndThreeFailedBatches() {
        BatchOptions defaults = BatchOptions.defaults();
        assertThat(defaults.maxBatchSize()).isEqualTo(8);
        assertThat(defaults.maxDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(defaults.maxFailedBatches()).isEqualTo(3);
        assertThat(new BatchOptions(4, Duration.ZERO).maxFailedBatches()).isEqualTo(3);
    }

    @Test
    void rejectsABatchSizeBelowOne() {
        assertThatThrownBy(() -> new BatchOptions(0, Duration.ofMillis(50)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch option 'max-batch-size' must be at least 1, got 0");
    }

    @Test
    void rejectsANegativeDelay() {
        assertThatThrownBy(() -> new BatchOptions(8, Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "batch option 'max-delay' must be between 0 ms and 60000 ms, got -5 ms");
    }

    @Test
    void rejectsADelayAboveTheLimit() {
        assertThatThrownBy(() -> new BatchOptions(8, Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "batch option 'max-delay' must be between 0 ms and 60000 ms, got 61000 ms");
        assertThatThrownBy(() -> new BatchOptions(8, Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("got PT2562047788015215H30M7S");
    }

    @Test
    void rejectsAMissingDelay() {
        assertThatThrownBy(() -> new BatchOptions(8, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "batch option 'max-delay' must be between 0 ms and 60000 ms, got nothing");
    }

    @Test
    void rejectsFewerThanOneFailedBatch() {
        assertThatThrownBy(() -> new BatchOptions(8, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch option 'max-failed-batches' must be at least 1, got 0");
    }

    @Test
    void acceptsTheEdgesOfTheValidRanges() {
        assertThat(new BatchOptions(1, Duration.ZERO, 1).maxDelayMillis()).isZero();
        assertThat(new BatchOptions(1, BatchOptions.MAX_DELAY_LIMIT).maxDelayMillis())
                .isEqualTo(60_000);
    }

    @Test
    void roundsADelayBelowOneMillisecondUpRatherThanToZero() {
        assertThat(new BatchOptions(8, Duration.ofNanos(1)).maxDelayMillis()).isEqualTo(1);
        assertThat(new BatchOptions(8, Duration.ofMillis(50)).maxDelayMillis()).isEqualTo(50);
    }
}
