package io.frameflow.ingest.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;

/** Keeps what a reader emits, with the record timestamps. */
public final class CollectingReaderOutput<T> implements ReaderOutput<T> {
    /** A record and its timestamp ({@link Long#MIN_VALUE} when it has none). */
    public record Emitted<T>(T value, long timestamp) {}

    private final List<Emitted<T>> emitted = new ArrayList<>();

    @Override
    public void collect(T record) {
        emitted.add(new Emitted<>(record, Long.MIN_VALUE));
    }

    @Override
    public void collect(T record, long timestamp) {
        emitted.add(new Emitted<>(record, timestamp));
    }

    public List<Emitted<T>> emitted() {
        return emitted;
    }

    public List<T> values() {
        return emitted.stream().map(Emitted::value).toList();
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        // no watermarks in these tests
    }

    @Override
    public void markIdle() {
        // no idleness in these tests
    }

    @Override
    public void markActive() {
        // no idleness in these tests
    }

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        // one shared output
    }
}
