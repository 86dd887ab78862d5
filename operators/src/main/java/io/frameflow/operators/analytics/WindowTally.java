package io.frameflow.operators.analytics;

import io.frameflow.common.WindowResult.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The running figures of one window of one stream: the window state of the analytics windows,
 * folded in one {@link WindowInput} at a time. It holds a few numbers per (kind, area, label) and
 * the distinct track ids seen, never frame results.
 */
public final class WindowTally {
    private long frames;
    private final Map<Row, Figures> rows = new HashMap<>();

    /** Which figures: a class in the stream, in a zone, or at a line. */
    public record Row(Kind kind, String area, String label) implements Comparable<Row> {
        public Row {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(label, "label");
        }

        @Override
        public int compareTo(Row o) {
            int c = kind.compareTo(o.kind);
            if (c == 0) {
                c = area.compareTo(o.area);
            }
            return c != 0 ? c : label.compareTo(o.label);
        }
    }

    /** The running figures of one row. */
    public static final class Figures {
        /** Objects over all frames of the window. */
        long sum;

        /** Most objects in one frame. */
        int max;

        /** Zone enter events. */
        long entries;

        /** Line crossings in direction IN. */
        long in;

        /** Line crossings in direction OUT. */
        long out;

        /** Distinct tracked objects. */
        final Set<Long> tracks = new HashSet<>();

        void mergeFrom(Figures o) {
            sum += o.sum;
            max = Math.max(max, o.max);
            entries += o.entries;
            in += o.in;
            out += o.out;
            tracks.addAll(o.tracks);
        }

        Figures copy() {
            Figures f = new Figures();
            f.mergeFrom(this);
            return f;
        }

        public long sum() {
            return sum;
        }

        public int max() {
            return max;
        }

        public long entries() {
            return entries;
        }

        public long in() {
            return in;
        }

        public long out() {
            return out;
        }

        public int tracks() {
            return tracks.size();
        }
    }

    /** Folds {@code input} in. */
    public WindowTally add(WindowInput input) {
        if (input.source() == WindowInput.Source.FRAME) {
            frames++;
        }
        for (WindowInput.Tally t : input.tallies()) {
            Figures f =
                    rows.computeIfAbsent(
                            new Row(t.kind(), t.area(), t.label()), r -> new Figures());
            switch (input.source()) {
                case FRAME -> {
                    f.sum += t.count();
                    f.max = Math.max(f.max, t.count());
                    for (long id : t.tracks()) {
                        f.tracks.add(id);
                    }
                }
                case ZONE_ENTER -> f.entries += t.count();
                case CROSSING_IN -> f.in += t.count();
                case CROSSING_OUT -> f.out += t.count();
            }
        }
        return this;
    }

    /** Folds {@code other} in (windows that merge). */
    public WindowTally merge(WindowTally other) {
        frames += other.frames;
        other.rows.forEach((row, f) -> rows.computeIfAbsent(row, r -> new Figures()).mergeFrom(f));
        return this;
    }

    /** Analysed frames in the window. */
    public long frames() {
        return frames;
    }

    /** The figures of {@code row}, or null when nothing added to it. */
    public Figures figures(Row row) {
        return rows.get(row);
    }

    /** The rows something added to, in order. */
    public Set<Row> rows() {
        return new TreeSet<>(rows.keySet());
    }

    /** A deep copy. */
    public WindowTally copy() {
        WindowTally t = new WindowTally();
        t.frames = frames;
        rows.forEach((row, f) -> t.rows.put(row, f.copy()));
        return t;
    }

    Map<Row, Figures> rowMap() {
        return rows;
    }

    void setFrames(long frames) {
        this.frames = frames;
    }
}
