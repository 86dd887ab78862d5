package io.frameflow.ingest.kafka;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.PacketItem;
import io.frameflow.common.serde.PacketItemTypeInfoFactory;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns each record of an encoded-video topic ({@link PacketRecords}, format v1) into an {@link
 * io.frameflow.common.EncodedPacket}, or into a {@link DeadLetter} (stage {@value #STAGE}) that
 * names the record and the header at fault when it is not a valid packet. A bad record never fails
 * the job: it is counted ({@value #DEAD_LETTERS_METRIC}) and travels on in-band, so that it reaches
 * the dead-letter output in order with its stream's packets. Records of streams outside the
 * optional stream filter are dropped before they are parsed.
 */
public final class PacketRecordDeserializer
        implements KafkaRecordDeserializationSchema<PacketItem> {
    /** The stage named by the dead letters of unreadable records. */
    public static final String STAGE = "kafka";

    /**
     * The stream id of a dead letter for a record without a usable key; it cannot clash with a real
     * stream id, whose characters are letters, digits, '.', '_' and '-'.
     */
    public static final String NO_STREAM = "(no key)";

    /** Counter of records that became dead letters, in the source reader's metric group. */
    public static final String DEAD_LETTERS_METRIC = "packetRecordsRejected";

    private static final long serialVersionUID = 1L;

    private final Set<String> streams;
    private transient Counter rejected;

    /**
     * @param streams the stream ids to read; empty reads every stream of the topic
     */
    public PacketRecordDeserializer(Set<String> streams) {
        this.streams = Set.copyOf(streams);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        rejected = context.getMetricGroup().counter(DEAD_LETTERS_METRIC);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<PacketItem> out) {
        if (!streams.isEmpty()
                && (record.key() == null
                        || !streams.contains(new String(record.key(), StandardCharsets.UTF_8)))) {
            return;
        }
        try {
            out.collect(PacketRecords.fromRecord(record));
        } catch (PacketRecordFormatException e) {
            if (rejected != null) {
                rejected.inc();
            }
            String stream = e.streamId() == null ? NO_STREAM : e.streamId();
            out.collect(
                    new DeadLetter(
                            stream,
                            DeadLetter.WHOLE_STREAM,
                            STAGE,
                            e.getMessage(),
                            false,
                            System.currentTimeMillis()));
        }
    }

    @Override
    public TypeInformation<PacketItem> getProducedType() {
        return PacketItemTypeInfoFactory.TYPE_INFO;
    }
}
