package io.frameflow.ingest.kafka;

/**
 * A Kafka record that is not a valid packet of the encoded-video format. The message names the
 * record (topic, partition, offset) and the header or field at fault, so that the dead letter made
 * from it is enough to find the record and the producer bug.
 */
public final class PacketRecordFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String streamId;

    public PacketRecordFormatException(String streamId, String message) {
        super(message);
        this.streamId = streamId;
    }

    /** The record's stream id (its key), or {@code null} when the key itself is missing or bad. */
    public String streamId() {
        return streamId;
    }
}
