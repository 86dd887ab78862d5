package io.frameflow.sinks.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MqttSinkOptionsTest {
    private static MqttSinkOptions.Builder builder() {
        return MqttSinkOptions.builder("job", "tcp://broker.local:1883");
    }

    @Test
    void defaultsDeriveFromTheJobName() {
        MqttSinkOptions options = builder().build();
        assertThat(options.prefix()).isEqualTo("frameflow/job");
        assertThat(options.qos()).isEqualTo(1);
        assertThat(options.windows()).isTrue();
        assertThat(options.results()).isFalse();
        assertThat(options.maxInFlight()).isEqualTo(1000);
        assertThat(options.retry()).isEqualTo(MqttSinkOptions.DEFAULT_RETRY);
        assertThat(options.clientIdFor("events", 3)).isEqualTo("frameflow-job-events-3");
    }

    @Test
    void clientIdsStayShortAndDistinctForLongJobNames() {
        String a = "a very long job name that goes on and on: cameras of the north gate";
        String b = "a very long job name that goes on and on: cameras of the south gate";
        String idA = MqttSinkOptions.builder(a, "tcp://h:1").build().clientIdFor("events", 0);
        String idB = MqttSinkOptions.builder(b, "tcp://h:1").build().clientIdFor("events", 0);
        assertThat(idA).matches("[A-Za-z0-9._-]+").hasSizeLessThanOrEqualTo(60);
        assertThat(idA).isNotEqualTo(idB);
        assertThat(MqttSinkOptions.builder(a, "tcp://h:1").build().clientIdFor("events", 0))
                .as("the same job gets the same id after a restart")
                .isEqualTo(idA);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "frameflow/+/x",
                "frameflow/#",
                "/frameflow",
                "frameflow/",
                "a//b",
                "$SYS/x",
                ""
            })
    void aBadPrefixIsAnErrorNamingTheKey(String prefix) {
        assertThatThrownBy(() -> builder().prefix(prefix).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "mqtt sink: 'prefix' '" + prefix + "' is not a valid topic prefix: ");
    }

    @Test
    void aPrefixMessageSaysWhatIsWrong() {
        assertThatThrownBy(() -> builder().prefix("site/+/cams").build())
                .hasMessage(
                        "mqtt sink: 'prefix' 'site/+/cams' is not a valid topic prefix: wildcards"
                                + " '+' and '#' are for subscribing, not publishing");
        assertThat(builder().prefix("site-1/cams/v1").build().prefix()).isEqualTo("site-1/cams/v1");
    }

    @Test
    void aJobNameThatMakesABadDefaultPrefixAsksForOne() {
        assertThatThrownBy(() -> MqttSinkOptions.builder("north+south", "tcp://h:1").build())
                .hasMessageStartingWith(
                        "mqtt sink: 'prefix' the default 'frameflow/north+south' (from the job name)")
                .hasMessageEndingWith("; set 'prefix'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost:1883",
                "http://h:1883",
                "tcp://",
                "tcp://h:1883/path",
                "tcp://user:secret@h:1883",
                "tcp://h :1"
            })
    void aBadBrokerIsAnErrorNamingTheKey(String broker) {
        assertThatThrownBy(() -> MqttSinkOptions.builder("job", broker).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mqtt sink: 'broker' ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    @Test
    void sslBrokersAreAccepted() {
        assertThat(MqttSinkOptions.builder("job", "ssl://h:8883").build().broker())
                .isEqualTo("ssl://h:8883");
    }

    @Test
    void otherBadValuesNameTheirKeys() {
        assertThatThrownBy(() -> builder().qos(3).build())
                .hasMessage("mqtt sink: 'qos' must be 0, 1 or 2, got 3");
        assertThatThrownBy(() -> builder().maxInFlight(0).build())
                .hasMessage("mqtt sink: 'max-in-flight' must be 1 to 65535, got 0");
        assertThatThrownBy(() -> builder().connectTimeout(Duration.ZERO).build())
                .hasMessage("mqtt sink: 'connect-timeout' must be above 0, got PT0S");
        assertThatThrownBy(() -> builder().keepAlive(Duration.ofSeconds(-1)).build())
                .hasMessageStartingWith("mqtt sink: 'keep-alive' must be above 0");
        assertThatThrownBy(() -> builder().retryMaxAttempts(0).build())
                .hasMessage("mqtt sink: 'retry.max-attempts' must be at least 1, got 0");
        assertThatThrownBy(
                        () ->
                                builder()
                                        .retryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1))
                                        .build())
                .hasMessageStartingWith(
                        "mqtt sink: 'retry.max-backoff' (PT1S) must not be shorter than");
        assertThatThrownBy(() -> builder().clientId("cam s").build())
                .hasMessageStartingWith("mqtt sink: 'client-id' 'cam s' must be");
        assertThatThrownBy(() -> builder().credentials(null, "pw").build())
                .hasMessage("mqtt sink: 'password' is set without 'username'");
    }

    @Test
    void thePasswordNeverShows() {
        MqttSinkOptions options = builder().credentials("cams", "s3cret-pw").build();
        assertThat(options.toString()).contains("username=cams").doesNotContain("s3cret-pw");
    }
}
