package io.frameflow.sinks.kafka;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.kafka.sink.KafkaCommittable;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaWriterState;
import org.apache.flink.connector.kafka.sink.TwoPhaseCommittingStatefulSink;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.SupportsPostCommitTopology;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.lineage.LineageVertex;
import org.apache.flink.streaming.api.lineage.LineageVertexProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link KafkaSink} whose writers do not throw from {@code close()}; everything else is the Kafka
 * sink's own.
 *
 * <p>Why: the Kafka writer remembers a failed send (say, {@code TopicAuthorizationException} on a
 * topic without WRITE permission) and rethrows it at the next write, flush or checkpoint, which
 * fails the task as it should. But its {@code close()} rethrows it once more after releasing its
 * producers, and Flink closes operators while cleaning up a task that already failed: an exception
 * there is fatal to the whole TaskManager ("FATAL - exception in exception handler of task"). On a
 * MiniCluster the job then waits for a TaskManager that never comes back. The error was already
 * reported by the task's failure, so it is logged here instead.
 *
 * <p>Delivery guarantee: the wrapped sink's (see {@link KafkaResultSink}).
 */
final class SafeCloseKafkaSink<IN>
        implements TwoPhaseCommittingStatefulSink<IN, KafkaWriterState, KafkaCommittable>,
                SupportsPostCommitTopology<KafkaCommittable>,
                LineageVertexProvider {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SafeCloseKafkaSink.class);

    private final KafkaSink<IN> sink;
    private final String topic;

    SafeCloseKafkaSink(KafkaSink<IN> sink, String topic) {
        this.sink = sink;
        this.topic = topic;
    }

    @Override
    public PrecommittingStatefulSinkWriter<IN, KafkaWriterState, KafkaCommittable> createWriter(
            WriterInitContext context) throws IOException {
        return new Writer<>(sink.createWriter(context), topic);
    }

    @Override
    public PrecommittingStatefulSinkWriter<IN, KafkaWriterState, KafkaCommittable> restoreWriter(
            WriterInitContext context, Collection<KafkaWriterState> states) throws IOException {
        return new Writer<>(sink.restoreWriter(context, states), topic);
    }

    @Override
    public SimpleVersionedSerializer<KafkaWriterState> getWriterStateSerializer() {
        return sink.getWriterStateSerializer();
    }

    @Override
    public Committer<KafkaCommittable> createCommitter(CommitterInitContext context) {
        return sink.createCommitter(context);
    }

    @Override
    public SimpleVersionedSerializer<KafkaCommittable> getCommittableSerializer() {
        return sink.getCommittableSerializer();
    }

    @Override
    public void addPostCommitTopology(
            DataStream<CommittableMessage<KafkaCommittable>> committables) {
        sink.addPostCommitTopology(committables);
    }

    @Override
    public LineageVertex getLineageVertex() {
        return sink.getLineageVertex();
    }

    /** Delegates everything; {@link #close()} logs what the Kafka writer would throw. */
    static final class Writer<IN>
            implements PrecommittingStatefulSinkWriter<IN, KafkaWriterState, KafkaCommittable> {
        private final PrecommittingStatefulSinkWriter<IN, KafkaWriterState, KafkaCommittable>
                writer;
        private final String topic;

        Writer(
                PrecommittingStatefulSinkWriter<IN, KafkaWriterState, KafkaCommittable> writer,
                String topic) {
            this.writer = writer;
            this.topic = topic;
        }

        @Override
        public void write(IN element, Context context) throws IOException, InterruptedException {
            writer.write(element, context);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            writer.flush(endOfInput);
        }

        @Override
        public void writeWatermark(Watermark watermark) throws IOException, InterruptedException {
            writer.writeWatermark(watermark);
        }

        @Override
        public List<KafkaWriterState> snapshotState(long checkpointId) throws IOException {
            return writer.snapshotState(checkpointId);
        }

        @Override
        public Collection<KafkaCommittable> prepareCommit()
                throws IOException, InterruptedException {
            return writer.prepareCommit();
        }

        @Override
        public void close() {
            try {
                writer.close();
            } catch (Exception e) {
                // the writer released its producers before throwing; a send error it rethrows here
                // was already raised by write, flush or checkpoint, or the task is being cancelled
                LOG.error(
                        "kafka sink: the writer of topic '{}' reported an error while closing",
                        topic,
                        e);
            }
        }
    }
}
