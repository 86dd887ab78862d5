package io.frameflow.operators.track;

import io.frameflow.common.Detection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two matching stages of one frame. Detections are matched to tracks by the overlap of each
 * track's predicted box with each detection's box: greedily, best overlap first, only pairs of the
 * same class whose overlap reaches the threshold. Ties go to the older track, then to the earlier
 * detection, so the outcome depends only on the input's order.
 *
 * @param trackToDet for each track, the index of its detection, or -1
 * @param detToTrack for each detection, the index of its track, or -1
 * @param high the indices of the confident detections, in the frame's order
 * @param highCount how many of {@code high} are used
 */
record Association(int[] trackToDet, int[] detToTrack, int[] high, int highCount) {
    /** A track and a detection that may match; sorted best overlap first, then by age, order. */
    private record Pair(double iou, int track, int detection) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair o) {
            int byIou = Double.compare(o.iou, iou);
            if (byIou != 0) {
                return byIou;
            }
            return track != o.track
                    ? Integer.compare(track, o.track)
                    : Integer.compare(detection, o.detection);
        }
    }

    /**
     * Matches {@code dets}, seen at capture time {@code now}, to {@code tracks}: confident
     * detections to every track, then weak ones to the confirmed tracks left over.
     */
    static Association of(
            List<Track> tracks, List<Detection> dets, long now, TrackerOptions options) {
        int n = tracks.size();
        float[] predicted = new float[4 * n];
        boolean[] any = new boolean[n];
        boolean[] confirmed = new boolean[n];
        for (int t = 0; t < n; t++) {
            Track track = tracks.get(t);
            track.predict(now, options.maxLostMillis(), predicted, 4 * t);
            any[t] = true;
            confirmed[t] = track.confirmed();
        }
        int[] high = new int[dets.size()];
        int[] low = new int[dets.size()];
        int highCount = 0;
        int lowCount = 0;
        for (int i = 0; i < dets.size(); i++) {
            Detection d = dets.get(i);
            if (!options.tracks(d.label()) || d.score() < options.lowThreshold()) {
                continue;
            }
            if (d.score() >= options.highThreshold()) {
                high[highCount++] = i;
            } else {
                low[lowCount++] = i;
            }
        }
        Association a = new Association(new int[n], new int[dets.size()], high, highCount);
        Arrays.fill(a.trackToDet, -1);
        Arrays.fill(a.detToTrack, -1);
        a.match(tracks, any, predicted, dets, high, highCount, options.matchIou());
        a.match(tracks, confirmed, predicted, dets, low, lowCount, options.matchIou());
        return a;
    }

    /**
     * Matches the detections {@code candidates} to the tracks {@code t} with {@code eligible[t]}
     * and no match yet.
     *
     * @param predicted the predicted boxes, four numbers per track
     */
    private void match(
            List<Track> tracks,
            boolean[] eligible,
            float[] predicted,
            List<Detection> detections,
            int[] candidates,
            int candidateCount,
            double minIou) {
        List<Pair> pairs = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            if (!eligible[t] || trackToDet[t] >= 0) {
                continue;
            }
            String label = tracks.get(t).label;
            for (int c = 0; c < candidateCount; c++) {
                Detection d = detections.get(candidates[c]);
                if (!label.equals(d.label())) {
                    continue;
                }
                double iou = iou(predicted, 4 * t, d.x1(), d.y1(), d.x2(), d.y2());
                if (iou >= minIou) {
                    pairs.add(new Pair(iou, t, candidates[c]));
                }
            }
        }
        pairs.sort(null);
        for (Pair p : pairs) {
            if (trackToDet[p.track()] < 0 && detToTrack[p.detection()] < 0) {
                trackToDet[p.track()] = p.detection();
                detToTrack[p.detection()] = p.track();
            }
        }
    }

    /** Intersection over union of the box at {@code b[at..at+3]} and the box (x1, y1, x2, y2). */
    static double iou(float[] b, int at, float x1, float y1, float x2, float y2) {
        double iw = Math.min(b[at + 2], x2) - (double) Math.max(b[at], x1);
        double ih = Math.min(b[at + 3], y2) - (double) Math.max(b[at + 1], y1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double areaA = ((double) b[at + 2] - b[at]) * ((double) b[at + 3] - b[at + 1]);
        double areaB = ((double) x2 - x1) * ((double) y2 - y1);
        return inter / (areaA + areaB - inter);
    }
}
