package io.frameflow.sinks.mqtt;

import io.frameflow.common.TrackEvent;
import io.frameflow.common.TrackEvent.Direction;
import io.frameflow.common.TrackEvent.Type;
import java.util.ArrayList;
import java.util.List;

/** Track events of every type for the MQTT sink tests, distinct per stream and sequence. */
final class TestEvents {
    private TestEvents() {}

    /** {@code count} events of {@code stream}, cycling through the five types. */
    static List<TrackEvent> of(String stream, int count) {
        List<TrackEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long track = 1 + i / 5;
            long seq = i;
            float x = i % 640;
            Type type = Type.values()[i % Type.values().length];
            String area =
                    switch (type) {
                        case ZONE_ENTER, ZONE_EXIT -> "door";
                        case LINE_CROSSING -> "gate";
                        default -> null;
                    };
            Direction direction = type == Type.LINE_CROSSING ? Direction.values()[i % 2] : null;
            long duration = type == Type.ZONE_EXIT || type == Type.TRACK_END ? 40L * i : 0;
            events.add(
                    new TrackEvent(
                            type,
                            stream,
                            track,
                            "person",
                            seq,
                            1_700_000_000_000L + 40L * i,
                            area,
                            direction,
                            duration,
                            x,
                            10.5f,
                            x + 20.25f,
                            90f));
        }
        return events;
    }

    /** The events of several streams, interleaved as a job would see them. */
    static List<TrackEvent> interleaved(int perStream, String... streams) {
        List<List<TrackEvent>> each = new ArrayList<>();
        for (String stream : streams) {
            each.add(of(stream, perStream));
        }
        List<TrackEvent> all = new ArrayList<>();
        for (int i = 0; i < perStream; i++) {
            for (List<TrackEvent> events : each) {
                all.add(events.get(i));
            }
        }
        return all;
    }
}
