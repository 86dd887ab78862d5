package io.frameflow.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.EncodedPacket;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class PacketRecordsTest {
    private static final byte[] SPS_PPS = {0, 0, 0, 1, 0x67, 0x42, 0, 0x1e, 0, 0, 0, 1, 0x68, 0x3c};

    private static EncodedPacket keyframe(byte[] data) {
        return EncodedPacket.whole(
                "cam-7",
                42,
                VideoCodec.H264,
                4_200_000,
                1_763_800_000_123L,
                TimeSource.SENDER_REPORT,
                true,
                SPS_PPS,
                data);
    }

    /** What a consumer sees for a record a producer sent: same key, value, headers, timestamp. */
    private static ConsumerRecord<byte[], byte[]> delivered(
            ProducerRecord<byte[], byte[]> sent, long offset) {
        return new ConsumerRecord<>(
                sent.topic(),
                3,
                offset,
                sent.timestamp() == null ? 0 : sent.timestamp(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                sent.key(),
                sent.value(),
                sent.headers(),
                Optional.empty());
    }

    @Test
    void smallPacketIsOneRecordAndReadsBackEqual() throws Exception {
        EncodedPacket packet = keyframe(new byte[] {0, 0, 0, 1, 0x65, 9, 8, 7});
        List<ProducerRecord<byte[], byte[]>> records =
                PacketRecords.toRecords("video", packet, 1 << 20);

        assertThat(records).hasSize(1);
        ProducerRecord<byte[], byte[]> r = records.get(0);
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("cam-7");
        assertThat(r.timestamp()).isEqualTo(1_763_800_000_123L);
        assertThat(new String(r.headers().lastHeader(PacketRecords.SEQ).value(), "UTF-8"))
                .isEqualTo("42");
        assertThat(r.headers().lastHeader(PacketRecords.CHUNK)).isNull();
        assertThat(PacketRecords.fromRecord(delivered(r, 0))).isEqualTo(packet);
    }

    @Test
    void mediaTimeIsNotUsedAsTheRecordTimestamp() throws Exception {
        // media time 2 s into a file: as a record timestamp it would be 1970 to the broker
        EncodedPacket packet =
                EncodedPacket.whole(
                        "clip",
                        50,
                        VideoCodec.H264,
                        2_000_000,
                        2_000,
                        TimeSource.MEDIA,
                        false,
                        new byte[0],
                        new byte[] {0, 0, 0, 1, 0x41, 1});
        ProducerRecord<byte[], byte[]> r = PacketRecords.toRecords("video", packet, 1 << 20).get(0);

        assertThat(r.timestamp()).isNull();
        assertThat(PacketRecords.fromRecord(delivered(r, 0))).isEqualTo(packet);
    }

    @Test
    void largePacketIsSplitIntoOrderedChunksThatJoinBackExactly() throws Exception {
        byte[] data = new byte[250_000];
        new Random(7).nextBytes(data);
        EncodedPacket packet = keyframe(data);

        List<ProducerRecord<byte[], byte[]>> records =
                PacketRecords.toRecords("video", packet, 100_000);

        assertThat(records).hasSize(3);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < records.size(); i++) {
            ProducerRecord<byte[], byte[]> r = records.get(i);
            assertThat(r.value().length + r.key().length + SPS_PPS.length).isLessThan(100_000);
            EncodedPacket chunk = PacketRecords.fromRecord(delivered(r, i));
            assertThat(chunk.chunkIndex()).isEqualTo(i);
            assertThat(chunk.chunkCount()).isEqualTo(3);
            assertThat(chunk.seq()).isEqualTo(42);
            // parameter sets travel once, with the first chunk
            assertThat(chunk.codecParams()).isEqualTo(i == 0 ? SPS_PPS : new byte[0]);
            joined.writeBytes(chunk.data());
        }
        assertThat(joined.toByteArray()).isEqualTo(data);
    }

    @Test
    void missingCaptureTimeFallsBackToTheRecordTimestampAsArrival() throws Exception {
        RecordHeaders h = minimalHeaders();
        EncodedPacket p = PacketRecords.fromRecord(record("cam", new byte[] {1}, h));
        assertThat(p.timeSource()).isEqualTo(TimeSource.ARRIVAL);
        assertThat(p.captureTimeMillis()).isEqualTo(1234L);
        assertThat(p.ptsMicros()).isEqualTo(EncodedPacket.NO_PTS);
        assertThat(p.keyframe()).isFalse();
    }

    @Test
    void badRecordsAreRejectedNamingTheRecordAndTheHeader() {
        assertThatThrownBy(
                        () ->
                                PacketRecords.fromRecord(
                                        record(null, new byte[] {1}, minimalHeaders())))
                .isInstanceOf(PacketRecordFormatException.class)
                .hasMessage("record video-0@17 has no key; the key must be the stream id");

        RecordHeaders noSeq = minimalHeaders();
        noSeq.remove(PacketRecords.SEQ);
        assertThatThrownBy(() -> PacketRecords.fromRecord(record("cam", new byte[] {1}, noSeq)))
                .hasMessage("record video-0@17 (stream 'cam') has no header frameflow.seq");

        RecordHeaders vp9 = minimalHeaders();
        vp9.remove(PacketRecords.CODEC).add(PacketRecords.CODEC, "vp9".getBytes());
        assertThatThrownBy(() -> PacketRecords.fromRecord(record("cam", new byte[] {1}, vp9)))
                .hasMessage(
                        "record video-0@17 (stream 'cam') header frameflow.codec: unknown codec"
                                + " 'vp9'; known codecs: h264, hevc, mjpeg");

        RecordHeaders badChunk = minimalHeaders();
        badChunk.add(PacketRecords.CHUNK, "3/3".getBytes());
        assertThatThrownBy(() -> PacketRecords.fromRecord(record("cam", new byte[] {1}, badChunk)))
                .hasMessageContaining("header frameflow.chunk is '3/3'; expected INDEX/COUNT");

        RecordHeaders future = minimalHeaders();
        future.remove(PacketRecords.VERSION).add(PacketRecords.VERSION, "2".getBytes());
        assertThatThrownBy(() -> PacketRecords.fromRecord(record("cam", new byte[] {1}, future)))
                .hasMessageContaining(
                        "format version 2 in header frameflow.version is not supported");

        assertThatThrownBy(
                        () ->
                                PacketRecords.fromRecord(
                                        record("cam", new byte[0], minimalHeaders())))
                .hasMessageContaining("has no value");

        RecordHeaders negative = minimalHeaders();
        negative.remove(PacketRecords.SEQ).add(PacketRecords.SEQ, "-4".getBytes());
        assertThatThrownBy(() -> PacketRecords.fromRecord(record("cam", new byte[] {1}, negative)))
                .hasMessageContaining("header frameflow.seq is -4; it must be >= 0");
    }

    @Test
    void recordLimitTooSmallForAnyDataIsRefused() {
        assertThatThrownBy(() -> PacketRecords.toRecords("video", keyframe(new byte[10]), 1500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves no room for packet data");
    }

    private static RecordHeaders minimalHeaders() {
        RecordHeaders h = new RecordHeaders();
        h.add(PacketRecords.VERSION, "1".getBytes());
        h.add(PacketRecords.CODEC, "h264".getBytes());
        h.add(PacketRecords.SEQ, "5".getBytes());
        h.add(PacketRecords.KEYFRAME, "0".getBytes());
        return h;
    }

    private static ConsumerRecord<byte[], byte[]> record(
            String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(
                "video",
                0,
                17,
                1234L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value,
                headers,
                Optional.empty());
    }
}
