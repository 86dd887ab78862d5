package io.frameflow.operators.track;

import io.frameflow.common.Detection;
import io.frameflow.operators.analytics.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * One object followed by a {@link StreamTracker}: tentative until it has been detected in enough
 * consecutive frames, then confirmed with an id. Mutable; it lives in a {@link TrackerState}.
 */
final class Track {
    /** {@link #id} of a track that is not confirmed yet. */
    static final long TENTATIVE = 0L;

    long id;
    final String label;

    /** Frames in which the track was matched, counted up to the confirmation. */
    int hits;

    /** The box at {@link #lastSeq}, in pixels. */
    float x1;

    float y1;
    float x2;
    float y2;

    /** Velocity of the box's centre in pixels per millisecond of capture time. */
    double vx;

    double vy;

    /** The last frame the track was matched in, and its capture time. */
    long lastSeq;

    long lastMillis;

    /** Capture time of the frame in which the track was confirmed. */
    long startMillis;

    /** The zones the object's anchor was in at {@link #lastSeq}, with the time it entered each. */
    final List<ZoneStay> stays;

    /** For each line, the side the anchor was last seen on (off the line), -1 or +1. */
    final List<LineSide> sides;

    /** A zone stay: the zone's id and the capture time of the first frame in it. */
    record ZoneStay(String zone, long enteredMillis) {}

    /** The side of a line an object was last seen on. */
    record LineSide(String line, int side) {}

    Track(String label, List<ZoneStay> stays, List<LineSide> sides) {
        this.label = label;
        this.stays = stays;
        this.sides = sides;
    }

    /** A tentative track that starts at {@code d}. */
    static Track start(Detection d, long seq, long millis) {
        Track t = new Track(d.label(), new ArrayList<>(2), new ArrayList<>(2));
        t.hits = 1;
        t.setBox(d);
        t.lastSeq = seq;
        t.lastMillis = millis;
        return t;
    }

    boolean confirmed() {
        return id != TENTATIVE;
    }

    /** The anchor of the box at {@link #lastSeq}. */
    Point anchor() {
        return Point.anchorOf(x1, y1, x2, y2);
    }

    /**
     * Takes the box of {@code d}, seen at {@code millis}, and updates the velocity: half the old
     * one plus half the move since the last frame, which smooths detector jitter yet follows a
     * change of pace within a few frames.
     */
    void update(Detection d, long seq, long millis) {
        long dt = millis - lastMillis;
        if (dt > 0) {
            double mx = (centre(d.x1(), d.x2()) - centre(x1, x2)) / dt;
            double my = (centre(d.y1(), d.y2()) - centre(y1, y2)) / dt;
            boolean first = hits == 1;
            vx = first ? mx : 0.5 * vx + 0.5 * mx;
            vy = first ? my : 0.5 * vy + 0.5 * my;
        }
        setBox(d);
        lastSeq = seq;
        lastMillis = millis;
        if (hits < Integer.MAX_VALUE) {
            hits++;
        }
    }

    /**
     * Writes the box predicted for capture time {@code millis} (the last box moved at constant
     * velocity) to {@code out[at..at+3]}. The time since the last match is taken as at most {@code
     * maxLostMillis}, beyond which the track would have ended.
     */
    void predict(long millis, long maxLostMillis, float[] out, int at) {
        long dt = Math.max(0, Math.min(millis - lastMillis, maxLostMillis));
        float dx = (float) (vx * dt);
        float dy = (float) (vy * dt);
        out[at] = x1 + dx;
        out[at + 1] = y1 + dy;
        out[at + 2] = x2 + dx;
        out[at + 3] = y2 + dy;
    }

    int sideOf(String line) {
        for (LineSide s : sides) {
            if (s.line().equals(line)) {
                return s.side();
            }
        }
        return 0;
    }

    void setSide(String line, int side) {
        for (int i = 0; i < sides.size(); i++) {
            if (sides.get(i).line().equals(line)) {
                if (sides.get(i).side() != side) {
                    sides.set(i, new LineSide(line, side));
                }
                return;
            }
        }
        sides.add(new LineSide(line, side));
    }

    ZoneStay stayIn(String zone) {
        for (ZoneStay s : stays) {
            if (s.zone().equals(zone)) {
                return s;
            }
        }
        return null;
    }

    Track copy() {
        Track t = new Track(label, new ArrayList<>(stays), new ArrayList<>(sides));
        t.id = id;
        t.hits = hits;
        t.x1 = x1;
        t.y1 = y1;
        t.x2 = x2;
        t.y2 = y2;
        t.vx = vx;
        t.vy = vy;
        t.lastSeq = lastSeq;
        t.lastMillis = lastMillis;
        t.startMillis = startMillis;
        return t;
    }

    private void setBox(Detection d) {
        x1 = d.x1();
        y1 = d.y1();
        x2 = d.x2();
        y2 = d.y2();
    }

    private static double centre(float a, float b) {
        return (a + (double) b) / 2;
    }
}
