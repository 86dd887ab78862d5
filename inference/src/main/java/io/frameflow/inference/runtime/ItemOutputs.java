package io.frameflow.inference.runtime;

import java.nio.FloatBuffer;

/** One item's slice of a batch's output tensors, valid until the predictor's next call. */
public interface ItemOutputs {

    /**
     * The output tensor's elements for this item, indexed from 0 in row-major order of its per-item
     * shape (absolute gets).
     */
    FloatBuffer get(String outputName);
}
