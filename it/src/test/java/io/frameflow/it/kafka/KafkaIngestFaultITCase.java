package io.frameflow.it.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.EncodedPacket;
import io.frameflow.common.FrameResult;
import io.frameflow.common.PacketItem;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.common.serde.PacketItemTypeInfoFactory;
import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import io.frameflow.ingest.kafka.KafkaVideoSource;
import io.frameflow.ingest.kafka.PacketDecodeOptions;
import io.frameflow.ingest.kafka.PacketDecodeStage;
import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.detect.DetectionStage;
import io.frameflow.sinks.kafka.KafkaResultSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once Kafka ingest under failures: two streams of real H.264 packets in a topic, the job
 * (Kafka source → keyBy(stream) → decode → detection → exactly-once Kafka sink) fails several
 * times, each time after a checkpoint and mid-GOP, and restarts from its last checkpoint. Read with
 * {@code read_committed}, the results topic holds exactly one result per published frame.
 */
class KafkaIngestFaultITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FRAMES = 90;
    private static final long PUBLISH_INTERVAL_MILLIS = 60;
    private static final int GOP = 10;
    private static final List<String> STREAMS = List.of("cam-a", "cam-b");

    /** How often the job fails; see {@link FailureInjector}. */
    private static final int FAILURES = 3;

    private static final int FRAMES_AFTER_CHECKPOINT = 3;

    @TempDir Path dir;

    @Test
    void everyPublishedFrameHasExactlyOneResultDespiteRestarts() throws Exception {
        FailureInjector.reset();
        List<EncodedPacket> packets = encode();
        try (KafkaBroker kafka = KafkaBroker.start()) {
            kafka.createTopic("video", 2);
            kafka.createTopic("results", 1);
            JobClient job = startJob(kafka.bootstrapServers());
            try {
                // at a camera's pace, as `frameflow publish --realtime` would: the job keeps up,
                // so checkpoints complete while the clip is still coming in
                publish(kafka.bootstrapServers(), packets);
                int expected = STREAMS.size() * FRAMES;
                List<ConsumerRecord<byte[], byte[]>> records =
                        kafka.consume("results", expected, Duration.ofSeconds(45), true);
                // give a duplicate from a replayed GOP time to show up: two more checkpoints
                Thread.sleep(1_000);
                records = kafka.consume("results", expected + 1, Duration.ofSeconds(3), true);
                check(records);
            } finally {
                job.cancel().get();
            }
        }
        System.out.println("injected failures at " + FailureInjector.failed);
        assertThat(FailureInjector.failed).hasSize(FAILURES);
    }

    private void check(List<ConsumerRecord<byte[], byte[]>> records) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            JsonNode v = JSON.readTree(r.value());
            counts.merge(v.get("stream").asText() + "#" + v.get("seq").asLong(), 1, Integer::sum);
        }
        int lost = 0;
        int duplicates = 0;
        for (String stream : STREAMS) {
            for (int seq = 0; seq < FRAMES; seq++) {
                int n = counts.getOrDefault(stream + "#" + seq, 0);
                lost += n == 0 ? 1 : 0;
                duplicates += Math.max(0, n - 1);
            }
        }
        System.out.printf(
                "Kafka ingest under %d failures: %d frames published, %d results, %d lost,"
                        + " %d duplicates%n",
                FailureInjector.failed.size(),
                STREAMS.size() * FRAMES,
                records.size(),
                lost,
                duplicates);
        assertThat(lost).as("frames without a result").isZero();
        assertThat(duplicates).as("frames with more than one result").isZero();
        assertThat(counts).hasSize(STREAMS.size() * FRAMES);
    }

    /** The sample video as a 320x240 H.264 clip with a keyframe every GOP frames, as packets. */
    private List<EncodedPacket> encode() throws Exception {
        return VideoPackets.encode(dir, 320, 240, FRAMES, GOP);
    }

    private static void publish(String bootstrap, List<EncodedPacket> packets)
            throws InterruptedException {
        VideoPackets.publish(bootstrap, "video", packets, STREAMS, PUBLISH_INTERVAL_MILLIS);
    }

    private static JobClient startJob(String bootstrap) throws Exception {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(200));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, FAILURES + 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);

        DataStream<PacketItem> packets =
                env.fromSource(
                        KafkaVideoSource.builder(bootstrap, "video")
                                .group("fault-test")
                                .start(KafkaVideoSource.Start.EARLIEST)
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "kafka-source",
                        PacketItemTypeInfoFactory.TYPE_INFO);
        DataStream<StreamItem> decoded =
                PacketDecodeStage.apply(packets, PacketDecodeOptions.defaults(), "cams")
                        .map(new FailureInjector())
                        .returns(StreamItemTypeInfoFactory.TYPE_INFO)
                        .name("fail-at-chosen-frames");
        SingleOutputStreamOperator<FrameResult> results =
                DetectionStage.apply(
                        decoded, new EmptyDetectorFactory(), BatchOptions.defaults(), "detect");
        results.sinkTo(
                KafkaResultSink.builder()
                        .bootstrapServers(bootstrap)
                        .topic("results")
                        .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .transactionalIdPrefix("fault-test")
                        .build());
        return env.executeAsync("kafka-ingest-faults");
    }

    /**
     * Throws {@value #FAILURES} times in all, each time at a frame that is not a keyframe's, at
     * least {@value #FRAMES_AFTER_CHECKPOINT} frames after a checkpoint completed in the current
     * attempt: every restart then restores decode state taken mid-stream and replays frames whose
     * results were written but not committed. The record of failures is static: the MiniCluster
     * runs in this JVM, and a restarted task must not count as a new attempt.
     */
    static final class FailureInjector extends RichMapFunction<StreamItem, StreamItem>
            implements CheckpointListener {
        static final List<String> failed = new CopyOnWriteArrayList<>();
        private transient boolean checkpointed;
        private transient int framesSinceCheckpoint;

        static void reset() {
            failed.clear();
        }

        @Override
        public StreamItem map(StreamItem item) throws Exception {
            if (item instanceof VideoFrame f) {
                framesSinceCheckpoint++;
                if (checkpointed
                        && framesSinceCheckpoint >= FRAMES_AFTER_CHECKPOINT
                        && f.seq() % GOP != 0
                        && claimFailure(f)) {
                    throw new IllegalStateException(
                            "injected failure at " + f.streamId() + " frame " + f.seq());
                }
            }
            return item;
        }

        private static boolean claimFailure(VideoFrame f) {
            synchronized (failed) {
                if (failed.size() >= FAILURES) {
                    return false;
                }
                failed.add(f.streamId() + "#" + f.seq());
                return true;
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
            framesSinceCheckpoint = 0;
        }
    }
}
