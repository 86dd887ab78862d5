package io.frameflow.operators.analytics;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named area of a stream's picture: a simple polygon (at least three corners, edges that do not
 * cross, a non-zero area) in pixels of the source frame. An object is in the zone when its anchor
 * ({@link Point#anchorOf}, the middle of its box's bottom edge) is inside the polygon; a point on
 * the boundary counts as inside.
 *
 * @param id the zone's id in results (1-128 letters, digits, '.', '_', '-'), unique in the job
 * @param corners the polygon's corners in order (either direction), not closed: the last corner
 *     connects back to the first
 * @param labels the classes the zone watches, e.g. {@code [person]}; empty for all classes
 * @param streams the streams the zone applies to; empty for all streams
 */
public record Zone(String id, List<Point> corners, Set<String> labels, Set<String> streams)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public Zone {
        AreaIds.check("zone", id);
        Objects.requireNonNull(corners, "corners");
        corners = List.copyOf(corners);
        labels = Set.copyOf(labels);
        streams = Set.copyOf(streams);
        checkPolygon(id, corners);
    }

    /** A zone for every class and stream. */
    public static Zone of(String id, List<Point> corners) {
        return new Zone(id, corners, Set.of(), Set.of());
    }

    /** Whether the zone applies to {@code streamId}. */
    public boolean appliesTo(String streamId) {
        return streams.isEmpty() || streams.contains(streamId);
    }

    /** Whether the zone counts objects of class {@code label}. */
    public boolean watches(String label) {
        return labels.isEmpty() || labels.contains(label);
    }

    /** Whether {@code p} is inside the polygon or on its boundary. */
    public boolean contains(Point p) {
        int n = corners.size();
        boolean inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            Point a = corners.get(i);
            Point b = corners.get(j);
            if (onSegment(p, a, b)) {
                return true;
            }
            // even-odd rule: count edges that a ray to the right of p crosses
            if ((a.y() > p.y()) != (b.y() > p.y())) {
                double xCross = a.x() + (p.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
                if (p.x() < xCross) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /** The polygon's area in square pixels. */
    public double area() {
        return Math.abs(signedArea(corners));
    }

    private static void checkPolygon(String id, List<Point> corners) {
        String where = "zone '" + id + "': ";
        if (corners.size() < 3) {
            throw new IllegalArgumentException(
                    where
                            + "a polygon needs at least 3 corners, got "
                            + corners.size()
                            + " "
                            + corners);
        }
        int n = corners.size();
        for (int i = 0; i < n; i++) {
            Point a = corners.get(i);
            Point b = corners.get((i + 1) % n);
            if (a.equals(b)) {
                throw new IllegalArgumentException(
                        where
                                + "corners "
                                + i
                                + " and "
                                + ((i + 1) % n)
                                + " are the same point "
                                + a
                                + "; list each corner once and do not repeat the first at the"
                                + " end");
            }
        }
        for (int i = 0; i < n; i++) {
            Point a = corners.get(i);
            Point b = corners.get((i + 1) % n);
            for (int j = i + 1; j < n; j++) {
                boolean adjacent = j == i + 1 || (i == 0 && j == n - 1);
                if (adjacent) {
                    continue;
                }
                Point c = corners.get(j);
                Point d = corners.get((j + 1) % n);
                if (segmentsTouch(a, b, c, d)) {
                    throw new IllegalArgumentException(
                            where
                                    + "edges "
                                    + a
                                    + "-"
                                    + b
                                    + " and "
                                    + c
                                    + "-"
                                    + d
                                    + " cross: the corners do not outline a simple polygon");
                }
            }
        }
        if (Math.abs(signedArea(corners)) < 1e-9) {
            throw new IllegalArgumentException(
                    where + "the corners " + corners + " enclose no area (they lie on one line)");
        }
    }

    private static double signedArea(List<Point> corners) {
        double sum = 0;
        int n = corners.size();
        for (int i = 0; i < n; i++) {
            Point a = corners.get(i);
            Point b = corners.get((i + 1) % n);
            sum += a.x() * b.y() - b.x() * a.y();
        }
        return sum / 2;
    }

    static double cross(Point o, Point a, Point b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    }

    private static boolean onSegment(Point p, Point a, Point b) {
        return cross(a, b, p) == 0
                && p.x() >= Math.min(a.x(), b.x())
                && p.x() <= Math.max(a.x(), b.x())
                && p.y() >= Math.min(a.y(), b.y())
                && p.y() <= Math.max(a.y(), b.y());
    }

    private static boolean segmentsTouch(Point a, Point b, Point c, Point d) {
        double d1 = cross(c, d, a);
        double d2 = cross(c, d, b);
        double d3 = cross(a, b, c);
        double d4 = cross(a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0))
                && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && onSegment(a, c, d))
                || (d2 == 0 && onSegment(b, c, d))
                || (d3 == 0 && onSegment(c, a, b))
                || (d4 == 0 && onSegment(d, a, b));
    }
}
