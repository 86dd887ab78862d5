package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
    private static final LiveStreamOptions OPTIONS =
            LiveStreamOptions.defaults().withDelays(Duration.ofMillis(100), Duration.ofSeconds(2));

    /** A random source that always returns {@code value} from nextDouble(). */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is used");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static List<Long> delaysMillis(ReconnectBackoff backoff, int n) {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            delays.add(backoff.failed().toMillis());
        }
        return delays;
    }

    @Test
    void withoutJitterTheDelayDoublesUpToTheMaximum() {
        // nextDouble() = 0.5 is the middle of the jitter range: factor exactly 1
        ReconnectBackoff backoff = new ReconnectBackoff(OPTIONS, fixed(0.5));
        assertThat(delaysMillis(backoff, 8))
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 2000L, 2000L, 2000L);
    }

    @Test
    void jitterStaysWithinTwentyPercentAndReachesBothEnds() {
        assertThat(new ReconnectBackoff(OPTIONS, fixed(0.0)).failed())
                .isEqualTo(Duration.ofMillis(80));
        assertThat(new ReconnectBackoff(OPTIONS, fixed(0.999_999)).failed().toMillis())
                .isEqualTo(119L);

        ReconnectBackoff seeded = new ReconnectBackoff(OPTIONS, new SplittableRandom(42));
        List<Long> delays = delaysMillis(seeded, 200);
        for (int i = 0; i < delays.size(); i++) {
            long base = Math.min(2000, 100L << Math.min(i, 20));
            assertThat(delays.get(i)).isBetween(base * 8 / 10, base * 12 / 10);
        }
        assertThat(delays.subList(10, 200).stream().distinct().count())
                .as("jitter varies the capped delays")
                .isGreaterThan(100);
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        List<Long> a = delaysMillis(new ReconnectBackoff(OPTIONS, new SplittableRandom(7)), 10);
        List<Long> b = delaysMillis(new ReconnectBackoff(OPTIONS, new SplittableRandom(7)), 10);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void resetStartsAgainAtTheInitialDelay() {
        ReconnectBackoff backoff = new ReconnectBackoff(OPTIONS, fixed(0.5));
        delaysMillis(backoff, 5);
        assertThat(backoff.failures()).isEqualTo(5);

        backoff.reset();

        assertThat(backoff.failures()).isZero();
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void exhaustedAfterMaxAttemptsInARowButNeverWhenRetryingForever() {
        ReconnectBackoff limited = new ReconnectBackoff(OPTIONS.withMaxAttempts(3), fixed(0.5));
        limited.failed();
        limited.failed();
        assertThat(limited.exhausted()).isFalse();
        limited.failed();
        assertThat(limited.exhausted()).isTrue();

        ReconnectBackoff forever = new ReconnectBackoff(OPTIONS, fixed(0.5));
        delaysMillis(forever, 1000);
        assertThat(forever.exhausted()).isFalse();
        assertThat(forever.failed()).isEqualTo(Duration.ofSeconds(2));
    }
}
