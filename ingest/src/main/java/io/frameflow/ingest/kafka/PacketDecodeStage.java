package io.frameflow.ingest.kafka;

import io.frameflow.common.PacketItem;
import io.frameflow.common.StreamItem;
import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Adds the decode step of a Kafka video source to a job: packets keyed by stream id, then {@link
 * PacketDecodeFunction}, so that every packet of a stream reaches the same decoder. A detection
 * stage placed right after it, with the same parallelism, is chained to it: decoded frames never
 * leave the task.
 *
 * <pre>{@code
 * DataStream<PacketItem> packets = env.fromSource(KafkaVideoSource.builder(b, t).build(), …);
 * DataStream<StreamItem> items = PacketDecodeStage.apply(packets, options, "cameras");
 * }</pre>
 */
public final class PacketDecodeStage {
    private static final String UID_PREFIX = "frameflow-kafka-decode-";

    private PacketDecodeStage() {}

    /**
     * @param name unique among the job's Kafka sources; the step's uid (and so its state in
     *     savepoints) derives from it, so keep it stable
     */
    public static SingleOutputStreamOperator<StreamItem> apply(
            DataStream<PacketItem> packets, PacketDecodeOptions options, String name) {
        return packets.keyBy(new ByStream(), Types.STRING)
                .process(new PacketDecodeFunction(options), StreamItemTypeInfoFactory.TYPE_INFO)
                .name("decode-" + name)
                .uid(UID_PREFIX + name);
    }

    /** The stream id of a packet or dead letter: the key of the decode step's state. */
    private static final class ByStream implements KeySelector<PacketItem, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(PacketItem item) {
            return item.streamId();
        }
    }
}
