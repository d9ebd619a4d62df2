package org.gridtwin.model;

import java.util.Collection;

/** The "; did you mean 'x'?" suffix for messages about mistyped names, shared by every reader of user input. */
public final class DidYouMeanHint {
    private DidYouMeanHint() {
    }

    /** The suffix, or "" when no candidate is close. */
    public static String hint(String typed, Collection<String> candidates) {
        String best = closest(typed, candidates);
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** The closest candidate within an edit distance of a third of the name's length (at least 2), else null. */
    public static String closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, typed.length() / 3);
        for (String c : candidates) {
            int d = distance(typed.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /** Levenshtein distance (insertions, deletions, substitutions each cost 1). */
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
