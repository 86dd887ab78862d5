package io.frameflow.operators.stage;

import io.frameflow.operators.batch.BatchOptions;
import java.io.Serializable;

/**
 * One model stage of a chain, as the job carries it: its name, its batching and the factory of its
 * predictor, nothing that holds a model. {@link ModelStages} chains a list of them in the order
 * given; each parallel instance opens its own model in the operator's {@code open}.
 */
public sealed interface ModelStage extends Serializable
        permits RestoreStage, SegmentStage, DetectStage {

    /**
     * The stage's name, unique in the chain: the operator's name, the {@code stage} of the dead
     * letters of frames its model rejects, and part of the operator's uid (keep it stable).
     */
    String name();

    /** What the stage does: {@code restore}, {@code segment} or {@code detect}. */
    String kind();

    BatchOptions batch();

    /** The model the stage loads, as {@code name@version}. */
    String modelId();

    /**
     * Loads the model; called once per parallel instance, in the operator's {@code open}.
     *
     * @param task the subtask's name, for messages
     */
    StageModel open(String task);

    /** Checks a stage name: non-blank, letters, digits, '-', '_' and '.' only. */
    static String checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException(
                    "a model stage name must be letters, digits, '.', '_' or '-', got "
                            + (name == null ? "nothing" : "'" + name + "'"));
        }
        return name;
    }
}
