package io.frameflow.ingest.publish;

import java.io.IOException;

/**
 * Publishing cannot start because of the Kafka side: the broker does not answer in time, the topic
 * does not exist or accepts smaller records than asked for. The message says which and what to do.
 */
public class KafkaSetupException extends IOException {
    private static final long serialVersionUID = 1L;

    public KafkaSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
