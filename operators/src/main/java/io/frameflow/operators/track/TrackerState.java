package io.frameflow.operators.track;

import java.util.ArrayList;
import java.util.List;

/**
 * What the tracker of one stream remembers between frames: the next track id to give, the last
 * frame it took, and its tracks in the order they were started (that order makes the tracker
 * deterministic). Mutable: a {@link StreamTracker} changes it in place. Stored in Flink's keyed
 * state with {@link TrackerStateSerializer}, or as bytes with {@link StreamTracker#snapshot()}.
 */
public final class TrackerState {
    /** {@link #lastSeq()} before the first frame. */
    public static final long NO_SEQ = Long.MIN_VALUE;

    long nextId;
    long lastSeq;
    final List<Track> tracks;

    /** The state of a stream that has seen no frame. */
    public TrackerState() {
        this(1, NO_SEQ, new ArrayList<>());
    }

    TrackerState(long nextId, long lastSeq, List<Track> tracks) {
        this.nextId = nextId;
        this.lastSeq = lastSeq;
        this.tracks = tracks;
    }

    /** The id the next confirmed track will get; ids start at 1 and are never given twice. */
    public long nextTrackId() {
        return nextId;
    }

    /** The seq of the last frame the tracker took, {@link #NO_SEQ} before the first. */
    public long lastSeq() {
        return lastSeq;
    }

    /** Confirmed tracks that have not ended (including those unmatched for now). */
    public int liveTracks() {
        int n = 0;
        for (Track t : tracks) {
            if (t.confirmed()) {
                n++;
            }
        }
        return n;
    }

    /** Tracks not confirmed yet. */
    public int tentativeTracks() {
        return tracks.size() - liveTracks();
    }

    /** A deep copy, independent of this state. */
    public TrackerState copy() {
        List<Track> copies = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            copies.add(t.copy());
        }
        return new TrackerState(nextId, lastSeq, copies);
    }
}
