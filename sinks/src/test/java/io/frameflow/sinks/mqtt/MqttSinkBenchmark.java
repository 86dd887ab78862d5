package io.frameflow.sinks.mqtt;

import io.frameflow.common.TrackEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * Events per second through one MQTT sink writer into the embedded broker, at QoS 1 (the default:
 * every message acknowledged, flush waits for all) against QoS 0 (no acknowledgements: the
 * baseline) in the same run, and QoS 2 for reference. Each round writes the same events and ends
 * with the end-of-input flush, so the time covers the broker's acknowledgements; rounds of the
 * three QoS levels alternate so that load on the machine hits them alike. Prints the median rates
 * and their ratios.
 *
 * <pre>
 * mvn -B -q -o -pl sinks -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp sinks/target/test-classes:sinks/target/classes:$(cat sinks/target/cp.txt) \
 *     io.frameflow.sinks.mqtt.MqttSinkBenchmark [EVENTS] [ROUNDS] [MAX_IN_FLIGHT]
 * </pre>
 */
public final class MqttSinkBenchmark {
    private MqttSinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int maxInFlight = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        List<TrackEvent> events = TestEvents.interleaved(count / 2, "cam-a", "cam-b");
        Path dataDir = Files.createTempDirectory("mqtt-bench");
        int[] levels = {0, 1, 2};
        double[][] rates = new double[levels.length][rounds];
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(dataDir)) {
            for (int level : levels) {
                run(broker, events, level, maxInFlight); // warm-up: JIT, broker sessions
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < levels.length; i++) {
                    rates[i][round] = run(broker, events, levels[i], maxInFlight);
                }
            }
        }
        double qos0 = median(rates[0]);
        double qos1 = median(rates[1]);
        double qos2 = median(rates[2]);
        System.out.printf(
                Locale.ROOT,
                "mqtt sink -> embedded Moquette 0.17, %d events of ~%d bytes, max-in-flight %d,"
                        + " %d rounds (medians)%n",
                events.size(),
                MqttChannel.EVENTS.payload().of(events.get(0)).length,
                maxInFlight,
                rounds);
        System.out.printf(Locale.ROOT, "QoS 0 (baseline): %,10.0f events/s%n", qos0);
        System.out.printf(
                Locale.ROOT,
                "QoS 1 (default):  %,10.0f events/s  = %.2f x QoS 0%n",
                qos1,
                qos1 / qos0);
        System.out.printf(
                Locale.ROOT,
                "QoS 2:            %,10.0f events/s  = %.2f x QoS 0%n",
                qos2,
                qos2 / qos0);
        System.out.printf(
                Locale.ROOT,
                "rounds QoS 0 %s%nrounds QoS 1 %s%nrounds QoS 2 %s%n",
                format(rates[0]),
                format(rates[1]),
                format(rates[2]));
    }

    /** Writes every event and flushes as at the end of the input; returns events per second. */
    private static double run(
            EmbeddedMqttBroker broker, List<TrackEvent> events, int qos, int maxInFlight)
            throws Exception {
        MqttSinkOptions options =
                MqttSinkOptions.builder("bench", broker.uri())
                        .qos(qos)
                        .maxInFlight(maxInFlight)
                        .build();
        try (MqttSinkWriter<TrackEvent> writer =
                new MqttSinkWriter<>(
                        options,
                        MqttChannel.EVENTS,
                        0,
                        UnregisteredMetricsGroup.createSinkWriterMetricGroup())) {
            long start = System.nanoTime();
            for (TrackEvent event : events) {
                writer.write(event, null);
            }
            writer.flush(true);
            return events.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String format(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(String.format(Locale.ROOT, "%.0f", v));
        }
        return String.join(" ", parts);
    }
}
