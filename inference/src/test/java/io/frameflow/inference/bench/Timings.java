package io.frameflow.inference.bench;

import java.util.Arrays;

/**
 * Wall-clock timing for the benchmark programs in the test sources: medians of repeated calls after
 * a warm-up, in milliseconds. The median of an even number of runs is the upper of the two middle
 * ones.
 */
public final class Timings {

    /** A call to time; a checked exception it throws ends the benchmark. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    private Timings() {}

    /** Median wall time of {@code runs} calls after {@code warmUp} untimed ones, in ms. */
    public static double medianMillis(int warmUp, int runs, Call call) {
        return medianMillis(warmUp, runs, new Call[] {call})[0];
    }

    /**
     * Median wall times of several calls, made in turn in every run (so that all see the same load
     * on the machine), in ms, one per call.
     */
    public static double[] medianMillis(int warmUp, int runs, Call... calls) {
        for (int i = 0; i < warmUp; i++) {
            for (Call call : calls) {
                run(call);
            }
        }
        double[][] ms = new double[calls.length][runs];
        for (int i = 0; i < runs; i++) {
            for (int c = 0; c < calls.length; c++) {
                long start = System.nanoTime();
                run(calls[c]);
                ms[c][i] = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] medians = new double[calls.length];
        for (int c = 0; c < calls.length; c++) {
            Arrays.sort(ms[c]);
            medians[c] = ms[c][runs / 2];
        }
        return medians;
    }

    private static void run(Call call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a timed call failed: " + e.getMessage(), e);
        }
    }
}
