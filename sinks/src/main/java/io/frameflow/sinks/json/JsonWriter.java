package io.frameflow.sinks.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Writes one record as one JSON object. Serializable so that sinks can carry it into the job. */
@FunctionalInterface
public interface JsonWriter<T> extends Serializable {
    void write(T record, OutputStream out) throws IOException;
}
