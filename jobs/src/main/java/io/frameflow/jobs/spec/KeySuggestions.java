package io.frameflow.jobs.spec;

import java.util.Collection;
import java.util.stream.Collectors;

/** "did you mean" hints for mistyped keys, by edit distance. */
final class KeySuggestions {
    private KeySuggestions() {}

    /** {@code " (did you mean 'x'?)"} or {@code "; valid keys: a, b, c"}. */
    static String hint(String key, Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Object k : known) {
            int d = distance(key.toLowerCase(), k.toString().toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = k.toString();
            }
        }
        if (best != null && bestDistance <= Math.max(2, key.length() / 3)) {
            return " (did you mean '" + best + "'?)";
        }
        return "; valid keys: "
                + known.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
