package io.frameflow.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.EncodedPacket;
import io.frameflow.common.PacketItem;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoCodec;
import io.frameflow.ingest.testing.RecordingMetricGroup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class PacketRecordDeserializerTest {
    private final RecordingMetricGroup metrics = new RecordingMetricGroup();

    private PacketRecordDeserializer open(Set<String> streams) {
        PacketRecordDeserializer d = new PacketRecordDeserializer(streams);
        d.open(
                new DeserializationSchema.InitializationContext() {
                    @Override
                    public MetricGroup getMetricGroup() {
                        return metrics;
                    }

                    @Override
                    public UserCodeClassLoader getUserCodeClassLoader() {
                        throw new UnsupportedOperationException("not needed by the schema");
                    }
                });
        return d;
    }

    private static ConsumerRecord<byte[], byte[]> record(
            long offset, byte[] key, byte[] value, Headers headers) {
        return new ConsumerRecord<>(
                "video",
                0,
                offset,
                1_000,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key,
                value,
                headers == null ? new RecordHeaders() : headers,
                Optional.empty());
    }

    private static ConsumerRecord<byte[], byte[]> packetRecord(String stream, long offset) {
        EncodedPacket p =
                EncodedPacket.whole(
                        stream,
                        offset,
                        VideoCodec.H264,
                        0,
                        0,
                        TimeSource.MEDIA,
                        false,
                        new byte[0],
                        new byte[] {0, 0, 1, 0x41, 1});
        ProducerRecord<byte[], byte[]> r = PacketRecords.toRecords("video", p, 1 << 20).get(0);
        return record(offset, r.key(), r.value(), r.headers());
    }

    private static List<PacketItem> read(
            PacketRecordDeserializer d, List<ConsumerRecord<byte[], byte[]>> records) {
        List<PacketItem> out = new ArrayList<>();
        Collector<PacketItem> collector =
                new Collector<>() {
                    @Override
                    public void collect(PacketItem item) {
                        out.add(item);
                    }

                    @Override
                    public void close() {}
                };
        for (ConsumerRecord<byte[], byte[]> r : records) {
            d.deserialize(r, collector);
        }
        return out;
    }

    @Test
    void aValidRecordBecomesItsPacket() {
        List<PacketItem> items = read(open(Set.of()), List.of(packetRecord("cam", 5)));

        assertThat(items).hasSize(1);
        EncodedPacket p = (EncodedPacket) items.get(0);
        assertThat(p.streamId()).isEqualTo("cam");
        assertThat(p.seq()).isEqualTo(5);
        assertThat(metrics.count(PacketRecordDeserializer.DEAD_LETTERS_METRIC)).isZero();
    }

    @Test
    void aGarbageRecordWithoutHeadersBecomesACountedDeadLetterOfItsStream() {
        byte[] junk = "hello".getBytes(StandardCharsets.UTF_8);
        List<PacketItem> items =
                read(
                        open(Set.of()),
                        List.of(
                                record(7, "cam".getBytes(StandardCharsets.UTF_8), junk, null),
                                packetRecord("cam", 8)));

        assertThat(items).hasSize(2);
        DeadLetter d = (DeadLetter) items.get(0);
        assertThat(d.streamId()).isEqualTo("cam");
        assertThat(d.stage()).isEqualTo("kafka");
        assertThat(d.reason())
                .isEqualTo("record video-0@7 (stream 'cam') has no header frameflow.version");
        assertThat(items.get(1)).isInstanceOf(EncodedPacket.class);
        assertThat(metrics.count(PacketRecordDeserializer.DEAD_LETTERS_METRIC)).isEqualTo(1);
    }

    @Test
    void aRecordWithoutKeyIsADeadLetterOfNoStream() {
        List<PacketItem> items =
                read(open(Set.of()), List.of(record(3, null, new byte[] {1}, null)));

        DeadLetter d = (DeadLetter) items.get(0);
        assertThat(d.streamId()).isEqualTo(PacketRecordDeserializer.NO_STREAM);
        assertThat(d.reason())
                .isEqualTo("record video-0@3 has no key; the key must be the stream id");
    }

    @Test
    void anUnknownCodecIsADeadLetterNamingTheHeaderAndTheKnownCodecs() {
        ConsumerRecord<byte[], byte[]> good = packetRecord("cam", 2);
        RecordHeaders headers = new RecordHeaders(good.headers().toArray());
        headers.remove(PacketRecords.CODEC);
        headers.add(PacketRecords.CODEC, "vp9".getBytes(StandardCharsets.UTF_8));

        List<PacketItem> items =
                read(open(Set.of()), List.of(record(2, good.key(), good.value(), headers)));

        DeadLetter d = (DeadLetter) items.get(0);
        assertThat(d.streamId()).isEqualTo("cam");
        assertThat(d.reason())
                .isEqualTo(
                        "record video-0@2 (stream 'cam') header frameflow.codec: unknown codec"
                                + " 'vp9'; known codecs: h264, hevc, mjpeg");
        assertThat(metrics.count(PacketRecordDeserializer.DEAD_LETTERS_METRIC)).isEqualTo(1);
    }

    @Test
    void theStreamFilterDropsOtherStreamsBeforeParsing() {
        List<PacketItem> items =
                read(
                        open(Set.of("cam")),
                        List.of(
                                packetRecord("other", 0),
                                record(1, "junk".getBytes(StandardCharsets.UTF_8), null, null),
                                packetRecord("cam", 2)));

        assertThat(items).extracting(PacketItem::streamId).containsExactly("cam");
        assertThat(metrics.count(PacketRecordDeserializer.DEAD_LETTERS_METRIC)).isZero();
    }
}
