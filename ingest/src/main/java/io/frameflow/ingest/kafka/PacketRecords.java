package io.frameflow.ingest.kafka;

import io.frameflow.common.EncodedPacket;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The Kafka encoded-video format, version {@value #FORMAT_VERSION}: how an {@link EncodedPacket}
 * becomes Kafka records and back. One record per packet (or per chunk of a packet above the size
 * limit); key = the stream id in UTF-8; value = the packet's bytes; metadata in headers whose
 * values are short UTF-8 texts, except {@value #CODEC_PARAMS} which is binary. {@code
 * docs/kafka-format.md} documents it byte by byte for producers in other languages; this class is
 * the reference.
 */
public final class PacketRecords {
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public static final String VERSION = "frameflow.version";
    public static final String CODEC = "frameflow.codec";
    public static final String SEQ = "frameflow.seq";
    public static final String PTS = "frameflow.pts-us";
    public static final String CAPTURE_TIME = "frameflow.capture-ms";
    public static final String TIME_SOURCE = "frameflow.time-source";
    public static final String KEYFRAME = "frameflow.keyframe";
    public static final String CODEC_PARAMS = "frameflow.codec-params";
    public static final String CHUNK = "frameflow.chunk";

    /** Room left in a record for its key and headers when a packet is split into chunks. */
    public static final int RECORD_OVERHEAD_BYTES = 1024;

    private PacketRecords() {}

    /**
     * The records for one packet: one when it fits in {@code maxRecordBytes}, else consecutive
     * chunks (same key, so same partition and order) that a reader joins back together.
     *
     * @param maxRecordBytes the topic's size limit ({@code max.message.bytes}) and the producer's
     *     ({@code max.request.size}), whichever is smaller
     */
    public static List<ProducerRecord<byte[], byte[]>> toRecords(
            String topic, EncodedPacket packet, int maxRecordBytes) {
        if (packet.isChunk()) {
            throw new IllegalArgumentException(
                    "toRecords takes a whole packet and splits it itself; got "
                            + packet.describe());
        }
        int budget = maxRecordBytes - RECORD_OVERHEAD_BYTES - packet.codecParams().length;
        if (budget < RECORD_OVERHEAD_BYTES) {
            throw new IllegalArgumentException(
                    "a record limit of "
                            + maxRecordBytes
                            + " bytes leaves no room for packet data; use at least "
                            + (3 * RECORD_OVERHEAD_BYTES + packet.codecParams().length));
        }
        byte[] data = packet.data();
        int count = Math.max(1, (data.length + budget - 1) / budget);
        byte[] key = packet.streamId().getBytes(StandardCharsets.UTF_8);
        // A file's media time (ms from its start) would look decades old to the broker, whose
        // time-based retention would then delete the records within minutes: such records get
        // the producer's clock instead, and the capture time travels in its header only.
        Long timestamp =
                packet.timeSource() != TimeSource.MEDIA && packet.captureTimeMillis() >= 0
                        ? packet.captureTimeMillis()
                        : null;
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] value =
                    Arrays.copyOfRange(data, i * budget, Math.min(data.length, (i + 1) * budget));
            Headers headers = headers(packet, i, count);
            records.add(new ProducerRecord<>(topic, null, timestamp, key, value, headers));
        }
        return records;
    }

    private static Headers headers(EncodedPacket p, int chunk, int count) {
        RecordHeaders h = new RecordHeaders();
        h.add(VERSION, text(Integer.toString(FORMAT_VERSION)));
        h.add(CODEC, text(p.codec().wireName()));
        h.add(SEQ, text(Long.toString(p.seq())));
        if (p.ptsMicros() != EncodedPacket.NO_PTS) {
            h.add(PTS, text(Long.toString(p.ptsMicros())));
        }
        h.add(CAPTURE_TIME, text(Long.toString(p.captureTimeMillis())));
        h.add(TIME_SOURCE, text(p.timeSource().wireName()));
        h.add(KEYFRAME, text(p.keyframe() ? "1" : "0"));
        if (chunk == 0 && p.codecParams().length > 0) {
            h.add(CODEC_PARAMS, p.codecParams());
        }
        if (count > 1) {
            h.add(CHUNK, text(chunk + "/" + count));
        }
        return h;
    }

    /**
     * Reads one record as a packet (or one chunk of a packet).
     *
     * @throws PacketRecordFormatException naming the record and the header at fault
     */
    public static EncodedPacket fromRecord(ConsumerRecord<byte[], byte[]> record)
            throws PacketRecordFormatException {
        String where =
                "record " + record.topic() + "-" + record.partition() + "@" + record.offset();
        if (record.key() == null || record.key().length == 0) {
            throw new PacketRecordFormatException(
                    null, where + " has no key; the key must be the stream id");
        }
        String stream = new String(record.key(), StandardCharsets.UTF_8);
        return new Reader(stream, where + " (stream '" + stream + "')", record).read();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses the headers of one record, with the record named in every error. */
    private static final class Reader {
        private final String stream;
        private final String where;
        private final ConsumerRecord<byte[], byte[]> record;

        Reader(String stream, String where, ConsumerRecord<byte[], byte[]> record) {
            this.stream = stream;
            this.where = where;
            this.record = record;
        }

        EncodedPacket read() throws PacketRecordFormatException {
            long version = number(VERSION, 1);
            if (version != FORMAT_VERSION) {
                throw error(
                        "format version "
                                + version
                                + " in header "
                                + VERSION
                                + " is not supported; this reader knows version "
                                + FORMAT_VERSION);
            }
            VideoCodec codec;
            try {
                codec = VideoCodec.fromWireName(textOf(CODEC, true));
            } catch (IllegalArgumentException e) {
                throw error("header " + CODEC + ": " + e.getMessage());
            }
            long seq = number(SEQ, 0);
            Long pts = optionalNumber(PTS);
            int[] chunk = chunk();
            if (record.value() == null || record.value().length == 0) {
                throw error("has no value; it must hold the packet's bytes");
            }
            Long capture = optionalNumber(CAPTURE_TIME);
            TimeSource source = capture == null ? TimeSource.ARRIVAL : timeSource();
            byte[] params = optionalBytes(CODEC_PARAMS);
            if (params.length > EncodedPacket.MAX_CODEC_PARAMS_BYTES) {
                throw error(
                        "header "
                                + CODEC_PARAMS
                                + " holds "
                                + params.length
                                + " bytes; the limit is "
                                + EncodedPacket.MAX_CODEC_PARAMS_BYTES);
            }
            return new EncodedPacket(
                    stream,
                    seq,
                    codec,
                    pts == null ? EncodedPacket.NO_PTS : pts,
                    capture == null ? record.timestamp() : capture,
                    source,
                    flag(KEYFRAME),
                    params,
                    chunk[0],
                    chunk[1],
                    record.value());
        }

        private TimeSource timeSource() throws PacketRecordFormatException {
            String value = textOf(TIME_SOURCE, true);
            for (TimeSource s : TimeSource.values()) {
                if (s.wireName().equals(value.toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
            throw error(
                    "header "
                            + TIME_SOURCE
                            + " is '"
                            + value
                            + "'; valid values: sender_report, arrival, media");
        }

        private boolean flag(String name) throws PacketRecordFormatException {
            String value = textOf(name, true);
            return switch (value) {
                case "1" -> true;
                case "0" -> false;
                default -> throw error("header " + name + " is '" + value + "'; use 1 or 0");
            };
        }

        private int[] chunk() throws PacketRecordFormatException {
            String value = textOf(CHUNK, false);
            if (value == null) {
                return new int[] {0, 1};
            }
            int slash = value.indexOf('/');
            try {
                int index = Integer.parseInt(value.substring(0, Math.max(slash, 0)));
                int count = Integer.parseInt(value.substring(slash + 1));
                if (slash > 0 && count >= 1 && index >= 0 && index < count) {
                    return new int[] {index, count};
                }
            } catch (NumberFormatException ignored) {
                // reported below with the header's value
            }
            throw error(
                    "header "
                            + CHUNK
                            + " is '"
                            + value
                            + "'; expected INDEX/COUNT with 0 <= INDEX < COUNT, e.g. 0/3");
        }

        private long number(String name, long min) throws PacketRecordFormatException {
            Long value = optionalNumber(name);
            if (value == null) {
                throw error("has no header " + name);
            }
            if (value < min) {
                throw error("header " + name + " is " + value + "; it must be >= " + min);
            }
            return value;
        }

        private Long optionalNumber(String name) throws PacketRecordFormatException {
            String value = textOf(name, false);
            if (value == null) {
                return null;
            }
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw error("header " + name + " is '" + value + "', not a decimal integer");
            }
        }

        private byte[] optionalBytes(String name) {
            Header h = record.headers().lastHeader(name);
            return h == null || h.value() == null ? new byte[0] : h.value();
        }

        private String textOf(String name, boolean required) throws PacketRecordFormatException {
            Header h = record.headers().lastHeader(name);
            if (h == null || h.value() == null) {
                if (required) {
                    throw error("has no header " + name);
                }
                return null;
            }
            return new String(h.value(), StandardCharsets.UTF_8);
        }

        private PacketRecordFormatException error(String what) {
            return new PacketRecordFormatException(stream, where + " " + what);
        }
    }
}
