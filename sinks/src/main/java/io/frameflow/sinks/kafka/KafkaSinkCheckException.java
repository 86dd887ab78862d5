package io.frameflow.sinks.kafka;

import java.util.List;

/**
 * The Kafka cluster cannot take what a job would write: a topic it may not write to, a topic that
 * does not exist and will not be created, a transaction timeout the broker refuses, or no broker
 * answering. The message has one line per problem, each naming the topic or setting, the bootstrap
 * servers and, where known, the principal.
 */
public final class KafkaSinkCheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    KafkaSinkCheckException(List<String> problems, Throwable cause) {
        super(String.join("\n", problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** The problems found, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
