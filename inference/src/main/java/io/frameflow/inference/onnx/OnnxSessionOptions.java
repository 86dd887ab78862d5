package io.frameflow.inference.onnx;

import java.io.Serializable;

/**
 * How an ONNX Runtime session runs. Execution is always sequential (a model stage runs one batch at
 * a time, and parallel execution only helps graphs with independent branches).
 *
 * @param intraOpThreads threads one operator may use
 * @param interOpThreads threads that run independent operators at once (1 = sequential)
 * @param optimization graph optimisations applied when the session loads
 * @param spinWait whether idle intra-op threads spin for a while before sleeping (ONNX Runtime's
 *     own default): it can lower latency on cores nothing else uses, and wastes them where several
 *     predictors or other work share the processors
 */
public record OnnxSessionOptions(
        int intraOpThreads, int interOpThreads, GraphOptimization optimization, boolean spinWait)
        implements Serializable {

    /** ONNX Runtime's graph optimisation levels. */
    public enum GraphOptimization {
        NONE,
        BASIC,
        EXTENDED,
        ALL
    }

    public OnnxSessionOptions {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException(
                    "intra-op-threads: " + intraOpThreads + " is not a positive integer");
        }
        if (interOpThreads < 1) {
            throw new IllegalArgumentException(
                    "inter-op-threads: " + interOpThreads + " is not a positive integer");
        }
        if (optimization == null) {
            throw new IllegalArgumentException(
                    "optimization: missing; one of NONE, BASIC, EXTENDED, ALL");
        }
    }

    /**
     * All available processors for one operator, one operator at a time, full optimisation, and no
     * spinning: a task manager runs several predictors and other work on the same cores, where
     * spinning threads steal cycles from each other (measured with NanoDet on 2 busy cores: 103 ms
     * per inference spinning, 56 ms not; on quieter cores no measurable difference).
     */
    public static OnnxSessionOptions defaults() {
        return new OnnxSessionOptions(
                Runtime.getRuntime().availableProcessors(), 1, GraphOptimization.ALL, false);
    }

    public OnnxSessionOptions withIntraOpThreads(int threads) {
        return new OnnxSessionOptions(threads, interOpThreads, optimization, spinWait);
    }

    public OnnxSessionOptions withSpinWait(boolean spin) {
        return new OnnxSessionOptions(intraOpThreads, interOpThreads, optimization, spin);
    }
}
