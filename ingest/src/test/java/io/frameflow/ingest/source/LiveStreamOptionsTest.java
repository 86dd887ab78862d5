package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveStreamOptionsTest {
    private final LiveStreamOptions defaults = LiveStreamOptions.defaults();

    @Test
    void defaultsRetryForever() {
        assertThat(defaults.retriesForever()).isTrue();
        assertThat(defaults.withMaxAttempts(3).retriesForever()).isFalse();
    }

    @Test
    void aMaximumDelayBelowTheInitialDelayIsRejectedNamingBothKeys() {
        assertThatThrownBy(() -> defaults.withMaxDelay(Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "invalid live stream option 'reconnect.max-delay' = PT0.1S; expected at"
                                + " least reconnect.initial-delay (PT0.5S)");
    }

    @Test
    void badValuesAreRejectedNamingTheKeyTheValueAndTheRange() {
        assertThatThrownBy(() -> defaults.withMaxAttempts(-1))
                .hasMessage(
                        "invalid live stream option 'reconnect.max-attempts' = -1; expected 0"
                                + " (retry forever) or more");
        assertThatThrownBy(() -> defaults.withBuffer(0))
                .hasMessage("invalid live stream option 'buffer' = 0; expected 1 to 1024 frames");
        assertThatThrownBy(() -> defaults.withStallTimeout(Duration.ZERO))
                .hasMessage(
                        "invalid live stream option 'stall-timeout' = PT0S; expected a duration"
                                + " above 0 and at most PT1H");
        assertThatThrownBy(() -> defaults.withInitialDelay(Duration.ofHours(2)))
                .hasMessageStartingWith(
                        "invalid live stream option 'reconnect.initial-delay' = PT2H;");
    }
}
