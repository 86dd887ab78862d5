package io.frameflow.jobs.assembly;

import io.frameflow.jobs.spec.DurationValue;
import io.frameflow.jobs.spec.MqttSinkSpec;
import io.frameflow.jobs.spec.PipelineSpecException;
import io.frameflow.jobs.spec.PostgresSinkSpec;
import io.frameflow.jobs.spec.RetrySpec;
import io.frameflow.jobs.spec.VideoSinkSpec;
import io.frameflow.sinks.jdbc.PostgresSinkException;
import io.frameflow.sinks.jdbc.PostgresSinkOptions;
import io.frameflow.sinks.mqtt.MqttSink;
import io.frameflow.sinks.mqtt.MqttSinkException;
import io.frameflow.sinks.mqtt.MqttSinkOptions;
import io.frameflow.sinks.retry.RetryPolicy;
import io.frameflow.sinks.video.AnnotatedVideoSink;
import io.frameflow.sinks.video.DrawOptions;
import io.frameflow.sinks.video.OutputCodec;
import io.frameflow.sinks.video.Quality;
import io.frameflow.sinks.video.VideoSinkException;
import io.frameflow.sinks.video.VideoSinkOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Options of the PostgreSQL and annotated-video sink entries, from the pipeline file, with the
 * startup checks that a running job must not be the first to find out about: a database that cannot
 * be reached, a codec the FFmpeg build lacks. Every message names the file and the entry.
 */
final class OtherSinks {
    private OtherSinks() {}

    /** The PostgreSQL options of an entry; connects once to check the database and tables. */
    static PostgresSinkOptions postgres(PostgresSinkSpec spec, String at) {
        PostgresSinkOptions options;
        try {
            PostgresSinkOptions.Builder b = PostgresSinkOptions.builder(spec.url());
            if (spec.user() != null) {
                b.user(spec.user());
            }
            if (spec.password() != null) {
                b.password(spec.password());
            }
            if (spec.passwordEnv() != null) {
                b.passwordEnv(spec.passwordEnv());
            }
            if (spec.tablePrefix() != null) {
                b.tablePrefix(spec.tablePrefix());
            }
            if (spec.createTables() != null) {
                b.createTables(spec.createTables());
            }
            if (spec.batchSize() != null) {
                b.batchSize(spec.batchSize());
            }
            if (spec.connectTimeout() != null) {
                b.connectTimeout(spec.connectTimeout().duration());
            }
            if (spec.socketTimeout() != null) {
                b.socketTimeout(spec.socketTimeout().duration());
            }
            b.retry(retry(spec.retry(), RetryPolicy.DEFAULT));
            options = b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
        return options;
    }

    /** Connects to the database of {@code options} and checks (or creates) its tables. */
    static void checkPostgres(PostgresSinkOptions options, String at) {
        try {
            io.frameflow.sinks.jdbc.PostgresSink.forFrames(options).check();
        } catch (PostgresSinkException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }

    /** The MQTT options of an entry; connects once to check the broker. */
    static MqttSinkOptions mqtt(MqttSinkSpec spec, String jobName, String at) {
        MqttSinkOptions options;
        try {
            MqttSinkOptions.Builder b = MqttSinkOptions.builder(jobName, spec.broker());
            if (spec.username() != null || spec.password() != null) {
                b.credentials(spec.username(), spec.password());
            }
            if (spec.prefix() != null) {
                b.prefix(spec.prefix());
            }
            if (spec.qos() != null) {
                b.qos(spec.qos());
            }
            if (spec.windows() != null) {
                b.windows(spec.windows());
            }
            if (spec.results() != null) {
                b.results(spec.results());
            }
            if (spec.connectTimeout() != null) {
                b.connectTimeout(spec.connectTimeout().duration());
            }
            if (spec.keepAlive() != null) {
                b.keepAlive(spec.keepAlive().duration());
            }
            if (spec.ackTimeout() != null) {
                b.ackTimeout(spec.ackTimeout().duration());
            }
            if (spec.maxInFlight() != null) {
                b.maxInFlight(spec.maxInFlight());
            }
            if (spec.clientId() != null) {
                b.clientId(spec.clientId());
            }
            RetryPolicy retry = retry(spec.retry(), MqttSinkOptions.DEFAULT_RETRY);
            b.retryMaxAttempts(retry.maxAttempts());
            b.retryBackoff(retry.initialBackoff(), retry.maxBackoff());
            options = b.build();
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
        try {
            MqttSink.checkBroker(options);
        } catch (MqttSinkException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
        return options;
    }

    /** The retry policy of an entry, {@code fallback} where it leaves a key out. */
    static RetryPolicy retry(RetrySpec spec, RetryPolicy fallback) {
        if (spec == null) {
            return fallback;
        }
        return new RetryPolicy(
                spec.maxAttempts() == null ? fallback.maxAttempts() : spec.maxAttempts(),
                duration(spec.initialBackoff(), fallback.initialBackoff()),
                duration(spec.maxBackoff(), fallback.maxBackoff()));
    }

    /** The video sink of an entry; checks that the FFmpeg build has its codec. */
    static AnnotatedVideoSink video(VideoSinkSpec spec, String at) {
        try {
            String path = Path.of(spec.path()).toAbsolutePath().normalize().toString();
            VideoSinkOptions o = VideoSinkOptions.defaults(path);
            if (spec.fps() != null) {
                o = o.withFps(spec.fps());
            }
            if (spec.codec() != null) {
                o = o.withCodec(OutputCodec.parse(spec.codec()));
            }
            if (spec.quality() != null) {
                o = o.withQuality(Quality.parse(spec.quality()));
            }
            if (spec.bitrate() != null) {
                o = o.withBitrate(spec.bitrate());
            }
            if (spec.segment() != null) {
                o = o.withSegment(spec.segment().duration());
            }
            if (spec.idleTimeout() != null) {
                o = o.withIdleTimeout(spec.idleTimeout().duration());
            }
            DrawOptions draw =
                    spec.draw() == null ? DrawOptions.all() : DrawOptions.only(spec.draw());
            if (spec.maskOpacity() != null) {
                draw = draw.withMaskOpacity(spec.maskOpacity());
            }
            o = o.withDraw(draw);
            if (spec.streams() != null) {
                o = o.withStreams(List.copyOf(spec.streams()));
            }
            AnnotatedVideoSink.checkCodec(o.codec());
            return AnnotatedVideoSink.of(o);
        } catch (IllegalArgumentException | VideoSinkException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }

    private static Duration duration(DurationValue value, Duration fallback) {
        return value == null ? fallback : value.duration();
    }
}
