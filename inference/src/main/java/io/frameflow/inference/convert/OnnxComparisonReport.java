package io.frameflow.inference.convert;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What {@link OnnxOutputComparator} measured for two models A and B on one input.
 *
 * @param input where the input values came from
 * @param outputs one entry per output of A, in A's order
 * @param nodesA number of nodes in A's graph
 * @param nodesB number of nodes in B's graph
 * @param medianMillisA median time of one inference of A
 * @param medianMillisB median time of one inference of B
 * @param threads intra-op threads both sessions used
 * @param runs timed runs per model
 */
public record OnnxComparisonReport(
        String input,
        List<OutputDifference> outputs,
        int nodesA,
        int nodesB,
        double medianMillisA,
        double medianMillisB,
        int threads,
        int runs) {

    /**
     * One output of A compared with B's output of the same name.
     *
     * @param shapeB null when B has no output of that name
     * @param maxAbsDifference largest element-wise |A − B|; NaN when the shapes differ or a value
     *     is NaN in one model only
     */
    public record OutputDifference(
            String name, List<Long> shapeA, List<Long> shapeB, double maxAbsDifference) {

        public boolean shapesMatch() {
            return shapeA.equals(shapeB);
        }
    }

    public OnnxComparisonReport {
        outputs = List.copyOf(outputs);
    }

    /** Whether B has every output of A with the same shape. */
    public boolean shapesMatch() {
        return outputs.stream().allMatch(OutputDifference::shapesMatch);
    }

    private static String format(double difference) {
        return difference == 0 ? "0" : String.format(Locale.ROOT, "%.2e", difference);
    }

    /** Writes one line per output (name, shape, max|Δ|), then node counts and timings. */
    public void print(PrintStream out) {
        out.println("input: " + input);
        for (OutputDifference o : outputs) {
            String shape =
                    o.shapesMatch()
                            ? o.shapeA().toString()
                            : "A "
                                    + o.shapeA()
                                    + " vs B "
                                    + (o.shapeB() == null ? "missing" : o.shapeB());
            out.println(o.name() + " " + shape + " max|Δ| " + format(o.maxAbsDifference()));
        }
        out.printf(Locale.ROOT, "nodes: A %d, B %d%n", nodesA, nodesB);
        out.printf(
                Locale.ROOT,
                "median inference (%d intra-op thread(s), %d runs each after warm-up):"
                        + " A %.2f ms, B %.2f ms%n",
                threads,
                runs,
                medianMillisA,
                medianMillisB);
    }
}
