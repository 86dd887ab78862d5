package io.frameflow.it.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where a fault test kills tasks: points chosen at random from a seed (printed, so that a failing
 * run can be repeated), each used once in the whole test. The plan is static because the
 * MiniCluster runs in this JVM: a task that restarts after a failure must find the failures that
 * already happened marked as done, or it would fail at the same point forever.
 */
public final class FailurePlan {
    private static final Set<String> planned = ConcurrentHashMap.newKeySet();
    private static final List<String> happened = new CopyOnWriteArrayList<>();
    private static volatile boolean armed;

    private FailurePlan() {}

    /** Forgets every plan and failure; nothing fails until {@link #arm}. */
    public static void reset() {
        armed = false;
        planned.clear();
        happened.clear();
    }

    /** Plans a failure at {@code point} (e.g. {@code "sink:cam-a#17"}). */
    public static void plan(String point) {
        planned.add(point);
    }

    /** Lets planned failures happen. */
    public static void arm() {
        armed = true;
    }

    /**
     * Whether a failure is planned at {@code point} and has not happened yet; if so it is marked as
     * happened, and the caller must fail now.
     */
    public static boolean claim(String point) {
        if (armed && planned.remove(point)) {
            happened.add(point);
            return true;
        }
        return false;
    }

    /** The failures that happened, in order. */
    public static List<String> happened() {
        return List.copyOf(happened);
    }

    /** Planned failures that have not happened. */
    public static Set<String> pending() {
        return new TreeSet<>(planned);
    }

    /**
     * {@code count} distinct values from {@code from} (inclusive) to {@code to} (exclusive), at
     * least {@code gap} apart, drawn with {@code random}, in ascending order.
     */
    public static List<Integer> spread(Random random, int count, int from, int to, int gap) {
        if ((to - from) < count * gap) {
            throw new IllegalArgumentException(
                    "cannot place "
                            + count
                            + " points "
                            + gap
                            + " apart in ["
                            + from
                            + ", "
                            + to
                            + ")");
        }
        while (true) {
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(from + random.nextInt(to - from));
            }
            Collections.sort(values);
            boolean ok = true;
            for (int i = 1; i < values.size(); i++) {
                ok &= values.get(i) - values.get(i - 1) >= gap;
            }
            if (ok) {
                return values;
            }
        }
    }
}
