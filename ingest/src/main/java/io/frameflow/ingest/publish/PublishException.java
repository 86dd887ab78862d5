package io.frameflow.ingest.publish;

import java.io.IOException;

/**
 * A packet could not be written to Kafka; the message names the stream, the packet and the topic,
 * and the cause is the producer's error.
 */
public class PublishException extends IOException {
    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
