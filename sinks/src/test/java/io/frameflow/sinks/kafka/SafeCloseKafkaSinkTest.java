package io.frameflow.sinks.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaCommittable;
import org.apache.flink.connector.kafka.sink.KafkaWriterState;
import org.apache.flink.connector.kafka.sink.TwoPhaseCommittingStatefulSink.PrecommittingStatefulSinkWriter;
import org.junit.jupiter.api.Test;

/**
 * The writer wrapper passes every call and error through, except an error from {@code close()},
 * which Flink would treat as fatal for the TaskManager. The Kafka writer itself is exercised by the
 * it module's KafkaSinkPermissionITCase (a real broker denying the topic).
 */
class SafeCloseKafkaSinkTest {

    /** Records calls; fails where told, as the Kafka writer does after a failed send. */
    private static final class FailingWriter
            implements PrecommittingStatefulSinkWriter<String, KafkaWriterState, KafkaCommittable> {
        final List<String> calls = new ArrayList<>();

        @Override
        public void write(String element, Context context) throws IOException {
            calls.add("write " + element);
            throw new IOException("One or more Kafka Producer send requests have encountered");
        }

        @Override
        public void flush(boolean endOfInput) {
            calls.add("flush " + endOfInput);
        }

        @Override
        public List<KafkaWriterState> snapshotState(long checkpointId) {
            calls.add("snapshot " + checkpointId);
            return List.of();
        }

        @Override
        public Collection<KafkaCommittable> prepareCommit() {
            calls.add("prepareCommit");
            return List.of();
        }

        @Override
        public void close() throws Exception {
            calls.add("close");
            throw new IOException("One or more Kafka Producer send requests have encountered");
        }
    }

    @Test
    void errorsReachTheTaskButNotTheCleanupAfterIt() {
        FailingWriter kafka = new FailingWriter();
        SafeCloseKafkaSink.Writer<String> writer = new SafeCloseKafkaSink.Writer<>(kafka, "t");

        assertThatThrownBy(() -> writer.write("a", null)).isInstanceOf(IOException.class);
        assertThatCode(
                        () -> {
                            writer.flush(true);
                            writer.snapshotState(3);
                            writer.prepareCommit();
                            writer.close();
                        })
                .doesNotThrowAnyException();
        assertThat(kafka.calls)
                .containsExactly("write a", "flush true", "snapshot 3", "prepareCommit", "close");
    }
}
