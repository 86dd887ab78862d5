package io.frameflow.jobs.assembly;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts over analysed frames for the run summary: frames, and per label how many frames contain it
 * and how many detections it has. Mergeable, so parallel instances can be combined.
 */
public final class LabelStats implements Serializable {
    private static final long serialVersionUID = 1L;

    private long frames;
    private long damagedFrames;
    private final Map<String, long[]> perLabel = new TreeMap<>();

    /** Counts one frame's result. */
    public void add(FrameResult result) {
        frames++;
        if (result.damaged()) {
            damagedFrames++;
        }
        Set<String> inFrame = new HashSet<>();
        for (Detection d : result.detections()) {
            long[] counts = perLabel.computeIfAbsent(d.label(), k -> new long[2]);
            counts[1]++;
            if (inFrame.add(d.label())) {
                counts[0]++;
            }
        }
    }

    /** Adds {@code other}'s counts to these. */
    public void merge(LabelStats other) {
        frames += other.frames;
        damagedFrames += other.damagedFrames;
        other.perLabel.forEach(
                (label, counts) -> {
                    long[] mine = perLabel.computeIfAbsent(label, k -> new long[2]);
                    mine[0] += counts[0];
                    mine[1] += counts[1];
                });
    }

    public long frames() {
        return frames;
    }

    public long damagedFrames() {
        return damagedFrames;
    }

    /** Frames with at least one detection of {@code label}. */
    public long framesWith(String label) {
        long[] counts = perLabel.get(label);
        return counts == null ? 0 : counts[0];
    }

    /** Detections of {@code label} over all frames. */
    public long detections(String label) {
        long[] counts = perLabel.get(label);
        return counts == null ? 0 : counts[1];
    }

    /** Labels seen, most detections first. */
    public java.util.List<String> labelsByCount() {
        return perLabel.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .map(Map.Entry::getKey)
                .toList();
    }

    LabelStats copy() {
        LabelStats c = new LabelStats();
        c.merge(this);
        return c;
    }
}
