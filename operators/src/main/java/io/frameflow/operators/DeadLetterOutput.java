package io.frameflow.operators;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.serde.DeadLetterTypeInfoFactory;
import org.apache.flink.util.OutputTag;

/**
 * The side output on which every FrameFlow operator puts its dead letters: those that arrived
 * in-band from the source and those for items the operator itself could not process. Read it with
 * {@code stage.getSideOutput(DeadLetterOutput.TAG)}.
 */
public final class DeadLetterOutput {

    /** The tag of the dead-letter side output, shared by all operators of this module. */
    public static final OutputTag<DeadLetter> TAG =
            new OutputTag<>("frameflow-dead-letters", DeadLetterTypeInfoFactory.TYPE_INFO);

    private DeadLetterOutput() {}
}
