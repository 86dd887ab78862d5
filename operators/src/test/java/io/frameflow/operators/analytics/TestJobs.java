package io.frameflow.operators.analytics;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.common.serde.TrackEventTypeInfoFactory;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Pieces for the analytics jobs of the tests: sources that replay prepared items in order (by index
 * from a number sequence), watermarks after every item, and sinks that collect into this JVM's
 * memory (the MiniCluster runs in it).
 */
final class TestJobs {
    private static final Map<String, List<?>> DATA = new ConcurrentHashMap<>();
    private static final Map<String, Queue<Object>> COLLECTED = new ConcurrentHashMap<>();

    private TestJobs() {}

    /** Frame results in list order, each followed by a watermark one below its capture time. */
    static DataStream<FrameResult> frames(
            StreamExecutionEnvironment env, String name, List<FrameResult> frames) {
        return replay(env, name, frames, FrameResultTypeInfoFactory.TYPE_INFO)
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<FrameResult>forGenerator(ctx -> new EveryItem<>())
                                .withTimestampAssigner((f, ts) -> f.captureTimeMillis()));
    }

    /** Track events in list order, each followed by a watermark one below its time. */
    static DataStream<TrackEvent> events(
            StreamExecutionEnvironment env, String name, List<TrackEvent> events) {
        return replay(env, name, events, TrackEventTypeInfoFactory.TYPE_INFO)
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<TrackEvent>forGenerator(ctx -> new EveryItem<>())
                                .withTimestampAssigner((e, ts) -> e.timeMillis()));
    }

    static <T> DataStream<T> replay(
            StreamExecutionEnvironment env, String name, List<T> items, TypeInformation<T> type) {
        DATA.put(name, List.copyOf(items));
        return env.fromSequence(0, items.size() - 1)
                .map(new Replay<T>(name))
                .returns(type)
                .name(name);
    }

    /** A sink that adds what it gets to {@link #collected(String)}. */
    static <T> Sink<T> collect(String name) {
        COLLECTED.put(name, new ConcurrentLinkedQueue<>());
        return new Collecting<>(name);
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> collected(String name) {
        return (List<T>) List.copyOf(COLLECTED.get(name));
    }

    private static final class Replay<T> implements MapFunction<Long, T> {
        private final String name;

        Replay(String name) {
            this.name = name;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T map(Long index) {
            return (T) DATA.get(name).get(index.intValue());
        }
    }

    /** A watermark right after each item: the next item that is older is late. */
    private static final class EveryItem<T> implements WatermarkGenerator<T> {
        private long max = Long.MIN_VALUE;

        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            if (eventTimestamp > max) {
                max = eventTimestamp;
                output.emitWatermark(new Watermark(max - 1));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    private record Collecting<T>(String name) implements Sink<T> {
        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            Queue<Object> target = COLLECTED.get(name);
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
                    target.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
