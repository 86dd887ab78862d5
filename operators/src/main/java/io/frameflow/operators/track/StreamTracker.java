package io.frameflow.operators.track;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Zone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The tracker of one stream, in plain Java: give it the stream's frame results in order and it
 * returns them with track ids, plus the track, zone and line events (see {@link TrackedFrame}).
 *
 * <p>Per frame, in the manner of ByteTrack: tracks not matched for longer than {@link
 * TrackerOptions#maxLost()} (capture time) end; every track's box is predicted for the frame's
 * capture time at constant velocity; detections scoring at least {@link
 * TrackerOptions#highThreshold()} are matched to all tracks, then those scoring from {@link
 * TrackerOptions#lowThreshold()} up to the high threshold to the confirmed tracks left over, each
 * time greedily by overlap and only within the same class ({@link Association}). A high detection
 * left over starts a tentative track; a tentative track is confirmed, and gets the stream's next
 * id, once matched in {@link TrackerOptions#minHits()} consecutive frames, and dropped without a
 * trace when it misses a frame before. A confirmed track that misses frames is kept, predicted
 * along its path, until it ends.
 *
 * <p>Deterministic: the same results in the same order give the same ids and events; nothing
 * depends on hash order, randomness or the wall clock. Only top-level detections are tracked; their
 * children stay untracked. A result whose seq is not after the last one taken passes unchanged
 * ({@link TrackedFrame#tracked()} false).
 *
 * <p>Not thread-safe. The state can be taken as bytes with {@link #snapshot()} and given to {@link
 * #restore}, or kept in Flink state through {@link TrackerStateSerializer}.
 */
public final class StreamTracker {
    private final String streamId;
    private final TrackerOptions options;
    private final AreaEvents areas;
    private final TrackerState state;

    /** A tracker of stream {@code streamId} that has seen no frame. */
    public StreamTracker(
            String streamId, TrackerOptions options, List<Zone> zones, List<CountingLine> lines) {
        this(streamId, options, zones, lines, new TrackerState());
    }

    /**
     * A tracker that goes on from {@code state}, which it changes in place.
     *
     * @param zones the job's zones; those that do not apply to the stream are left out
     * @param lines the job's lines, likewise
     */
    public StreamTracker(
            String streamId,
            TrackerOptions options,
            List<Zone> zones,
            List<CountingLine> lines,
            TrackerState state) {
        this(streamId, options, areasOf(streamId, zones, lines), state);
    }

    StreamTracker(String streamId, TrackerOptions options, AreaEvents areas, TrackerState state) {
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        this.options = Objects.requireNonNull(options, "options");
        this.areas = areas;
        this.state = Objects.requireNonNull(state, "state");
    }

    /** A tracker that goes on from the bytes of {@link #snapshot()}. */
    public static StreamTracker restore(
            String streamId,
            TrackerOptions options,
            List<Zone> zones,
            List<CountingLine> lines,
            byte[] snapshot) {
        return new StreamTracker(
                streamId,
                options,
                zones,
                lines,
                TrackerStateSerializer.fromBytes(snapshot, "of stream '" + streamId + "'"));
    }

    /** The zone and line events of {@code streamId}: the zones and lines that apply to it. */
    static AreaEvents areasOf(String streamId, List<Zone> zones, List<CountingLine> lines) {
        checkUnique("zone", zones.stream().map(Zone::id).toList());
        checkUnique("line", lines.stream().map(CountingLine::id).toList());
        return new AreaEvents(
                streamId,
                zones.stream().filter(z -> z.appliesTo(streamId)).toList(),
                lines.stream().filter(l -> l.appliesTo(streamId)).toList());
    }

    private static void checkUnique(String what, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException(
                        what + " id '" + id + "' is used twice; give each " + what + " its own id");
            }
        }
    }

    /** The state this tracker changes. */
    public TrackerState state() {
        return state;
    }

    /** Tracks {@code result}, the next frame of this stream. */
    public TrackedFrame process(FrameResult result) {
        if (!result.streamId().equals(streamId)) {
            throw new IllegalArgumentException(
                    "the tracker of stream '"
                            + streamId
                            + "' got a result of stream '"
                            + result.streamId()
                            + "'");
        }
        if (state.lastSeq != TrackerState.NO_SEQ && result.seq() <= state.lastSeq) {
            return new TrackedFrame(result, List.of(), false);
        }
        state.lastSeq = result.seq();
        List<TrackEvent> events = new ArrayList<>();
        long now = result.captureTimeMillis();
        endLostBefore(now, events);
        Track[] owners = associate(result, now, events);
        return new TrackedFrame(withIds(result, owners), events, true);
    }

    /**
     * Ends the tracks that a frame after event time {@code watermark} would end: those last seen
     * {@link TrackerOptions#maxLost()} or more before it. At {@code Long.MAX_VALUE} (end of input)
     * that is every track. Tentative tracks go without events.
     */
    public List<TrackEvent> endLost(long watermark) {
        List<TrackEvent> events = new ArrayList<>();
        endLostBefore(watermark == Long.MAX_VALUE ? Long.MAX_VALUE : watermark + 1, events);
        return events;
    }

    /** Ends every track, as at the end of the stream. */
    public List<TrackEvent> endAll() {
        List<TrackEvent> events = new ArrayList<>();
        for (Track t : state.tracks) {
            end(t, events);
        }
        state.tracks.clear();
        return events;
    }

    /** The state as bytes, for {@link #restore}. */
    public byte[] snapshot() {
        return TrackerStateSerializer.toBytes(state);
    }

    /** Ends the tracks that a frame at {@code millis} finds lost for longer than max-lost. */
    private void endLostBefore(long millis, List<TrackEvent> events) {
        long maxLost = options.maxLostMillis();
        List<Track> tracks = state.tracks;
        int kept = 0;
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            boolean lost =
                    t.lastMillis <= Long.MAX_VALUE - maxLost - 1 && millis > t.lastMillis + maxLost;
            if (lost || millis == Long.MAX_VALUE) {
                end(t, events);
            } else {
                tracks.set(kept++, t);
            }
        }
        tracks.subList(kept, tracks.size()).clear();
    }

    private void end(Track t, List<TrackEvent> events) {
        if (!t.confirmed()) {
            return;
        }
        areas.ended(t, events);
        events.add(
                new TrackEvent(
                        TrackEvent.Type.TRACK_END,
                        streamId,
                        t.id,
                        t.label,
                        t.lastSeq,
                        t.lastMillis,
                        null,
                        null,
                        Math.max(0, t.lastMillis - t.startMillis),
                        t.x1,
                        t.y1,
                        t.x2,
                        t.y2));
    }

    /**
     * Matches the frame's detections to the tracks, updates, confirms, drops and starts tracks, and
     * returns the track of each detection (null for none).
     */
    private Track[] associate(FrameResult result, long now, List<TrackEvent> events) {
        List<Detection> dets = result.detections();
        List<Track> tracks = state.tracks;
        int n = tracks.size();
        Association matched = Association.of(tracks, dets, now, options);
        int[] trackToDet = matched.trackToDet();
        Track[] owners = new Track[dets.size()];
        List<Track> next = new ArrayList<>(n + matched.highCount());
        long seq = result.seq();
        for (int t = 0; t < n; t++) {
            Track track = tracks.get(t);
            int d = trackToDet[t];
            if (d < 0) {
                if (track.confirmed()) {
                    next.add(track);
                }
                continue;
            }
            Detection det = dets.get(d);
            if (!track.confirmed() && track.hits + 1 >= options.minHits()) {
                confirm(track, seq, now, det, events);
            }
            areas.seen(track, false, det, seq, now, events);
            track.update(det, seq, now);
            owners[d] = track;
            next.add(track);
        }
        for (int c = 0; c < matched.highCount(); c++) {
            int d = matched.high()[c];
            if (matched.detToTrack()[d] >= 0) {
                continue;
            }
            Detection det = dets.get(d);
            Track track = Track.start(det, seq, now);
            if (options.minHits() == 1) {
                confirm(track, seq, now, det, events);
            }
            areas.seen(track, true, det, seq, now, events);
            owners[d] = track;
            next.add(track);
        }
        tracks.clear();
        tracks.addAll(next);
        return owners;
    }

    private void confirm(Track t, long seq, long now, Detection d, List<TrackEvent> events) {
        t.id = state.nextId++;
        t.startMillis = now;
        events.add(
                new TrackEvent(
                        TrackEvent.Type.TRACK_START,
                        streamId,
                        t.id,
                        t.label,
                        seq,
                        now,
                        null,
                        null,
                        0,
                        d.x1(),
                        d.y1(),
                        d.x2(),
                        d.y2()));
    }

    /** {@code result} with each detection's track id; the same instance when none changes. */
    private static FrameResult withIds(FrameResult result, Track[] owners) {
        List<Detection> dets = result.detections();
        List<Detection> out = null;
        for (int i = 0; i < dets.size(); i++) {
            Detection d = dets.get(i);
            long id = owners[i] == null ? Detection.NO_TRACK : owners[i].id;
            Detection tracked = d.withTrackId(id);
            if (tracked != d && out == null) {
                out = new ArrayList<>(dets.subList(0, i));
            }
            if (out != null) {
                out.add(tracked);
            }
        }
        if (out == null) {
            return result;
        }
        return new FrameResult(
                result.streamId(),
                result.seq(),
                result.ptsMicros(),
                result.captureTimeMillis(),
                result.timeSource(),
                result.width(),
                result.height(),
                result.damaged(),
                result.model(),
                out,
                result.restoration(),
                result.segmentation());
    }
}
