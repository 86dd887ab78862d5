package io.frameflow.it.docker;

import org.testcontainers.DockerClientFactory;

/** Whether the harness can start its servers as Testcontainers containers here. */
public final class DockerEngine {
    private DockerEngine() {}

    /** Whether a Docker engine is reachable with a usable client configuration. */
    public static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError ignored) {
            // no engine, or no usable client configuration: the in-process servers are used
            return false;
        }
    }
}
