package org.integramonitor.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Additive sums of one multi-item 1-5 scale (k items), from which {@link ScaleQuality} computes alpha, omega and
 * item statistics. Immutable; {@link #add} and {@link #plus} return new instances. All sums are exact integers
 * ({@code long}), so {@code plus} is exactly associative and commutative: per-day summaries can be merged in any
 * order and give the same result as one pass over all respondents.
 *
 * <p>Moment sums (n, per-item sums, sums of squares, cross products) cover only respondents with all k items
 * answered on the scale (listwise complete). Per-item counts cover every respondent added:
 * <ul>
 *   <li>{@code answered}: a scale point 1-5;</li>
 *   <li>{@code notApplicable}: the "don't know / did not use" answer {@code "na"};</li>
 *   <li>{@code missing}: asked but no answer (the map has no value or null);</li>
 *   <li>{@code notAsked}: no answer and not shown by skip logic (only with {@link #add(Map, Predicate)}; with
 *       {@link #add(Map)} every item counts as asked, so such respondents count as missing);</li>
 *   <li>{@code atMin}/{@code atMax}: answered 1 / answered 5.</li>
 * </ul>
 * An answer value may be an {@link Integer} (or other integral {@link Number}), the string {@code "na"}, a Jackson
 * {@link JsonNode} holding either, or null/absent. Anything else (e.g. 0, 6, 2.5, "x") is rejected.
 */
public final class ScaleSums {

    public static final int MIN = 1;
    public static final int MAX = 5;

    private final List<String> items;
    private final long respondents;
    private final long n;
    private final long[] sum;
    private final long[] sumSq;
    /** Upper triangle i &lt; j, row-major: index of (i, j) is {@link #pair(int, int)}. */
    private final long[] cross;
    private final long[] answered;
    private final long[] notApplicable;
    private final long[] missing;
    private final long[] notAsked;
    private final long[] atMin;
    private final long[] atMax;

    private ScaleSums(List<String> items, long respondents, long n, long[] sum, long[] sumSq, long[] cross,
                      long[] answered, long[] notApplicable, long[] missing, long[] notAsked, long[] atMin,
                      long[] atMax) {
        this.items = items;
        this.respondents = respondents;
        this.n = n;
        this.sum = sum;
        this.sumSq = sumSq;
        this.cross = cross;
        this.answered = answered;
        this.notApplicable = notApplicable;
        this.missing = missing;
        this.notAsked = notAsked;
        this.atMin = atMin;
        this.atMax = atMax;
    }

    /** No respondents yet, for the scale's item ids in a fixed order. */
    public static ScaleSums empty(List<String> itemIds) {
        List<String> ids = List.copyOf(itemIds);
        if (ids.isEmpty() || ids.stream().distinct().count() != ids.size()) {
            throw new IllegalArgumentException("item ids must be non-empty and distinct: " + ids);
        }
        int k = ids.size();
        return new ScaleSums(ids, 0, 0, new long[k], new long[k], new long[k * (k - 1) / 2],
                new long[k], new long[k], new long[k], new long[k], new long[k], new long[k]);
    }

    /**
     * Sums read back from storage (a stored day summary): the arrays in the order of the accessors, the
     * cross-products as the upper triangle row by row ({@code cross(0,1), cross(0,2), ..., cross(k-2,k-1)}).
     */
    public static ScaleSums restore(List<String> itemIds, long respondents, long n, long[] sum, long[] sumSq, long[] cross,
                                    long[] answered, long[] notApplicable, long[] missing, long[] notAsked, long[] atMin,
                                    long[] atMax) {
        ScaleSums empty = empty(itemIds);
        int k = empty.k();
        for (long[] array : new long[][]{sum, sumSq, answered, notApplicable, missing, notAsked, atMin, atMax}) {
            if (array.length != k) {
                throw new IllegalArgumentException("an array of " + array.length + " sums for " + k + " items");
            }
        }
        if (cross.length != k * (k - 1) / 2) {
            throw new IllegalArgumentException("cross-products of " + cross.length + " pairs for " + k + " items");
        }
        return new ScaleSums(empty.items, respondents, n, sum.clone(), sumSq.clone(), cross.clone(), answered.clone(),
                notApplicable.clone(), missing.clone(), notAsked.clone(), atMin.clone(), atMax.clone());
    }

    /** The cross-products as stored: the upper triangle row by row. */
    public long[] crossProducts() {
        return cross.clone();
    }

    /** These sums plus one respondent's answers (item id to answer; see the class comment), every item asked. */
    public ScaleSums add(Map<String, ?> answers) {
        return add(answers, id -> true);
    }

    /**
     * These sums plus one respondent's answers; {@code asked} says whether the skip logic showed an item to this
     * respondent. An unanswered item that was not asked counts as {@code notAsked}, not as {@code missing}.
     */
    public ScaleSums add(Map<String, ?> answers, Predicate<String> asked) {
        ScaleSums r = copy();
        boolean complete = r.accumulate(answers::get, asked);
        return new ScaleSums(items, respondents + 1, complete ? n + 1 : n, r.sum, r.sumSq, r.cross, r.answered,
                r.notApplicable, r.missing, r.notAsked, r.atMin, r.atMax);
    }

    /**
     * Adds one respondent's answers to this instance's arrays in place (only ever on a private copy); returns
     * whether every item had a substantive answer.
     */
    private boolean accumulate(java.util.function.Function<String, ?> answerOf, Predicate<String> asked) {
        int k = items.size();
        int[] v = new int[k];
        boolean complete = true;
        for (int i = 0; i < k; i++) {
            int value = classify(items.get(i), answerOf.apply(items.get(i)));
            v[i] = value;
            if (value > 0) {
                answered[i]++;
                if (value == MIN) {
                    atMin[i]++;
                }
                if (value == MAX) {
                    atMax[i]++;
                }
            } else {
                complete = false;
                if (value == NA) {
                    notApplicable[i]++;
                } else if (!asked.test(items.get(i))) {
                    notAsked[i]++;
                } else {
                    missing[i]++;
                }
            }
        }
        if (complete) {
            for (int i = 0; i < k; i++) {
                sum[i] += v[i];
                sumSq[i] += (long) v[i] * v[i];
                for (int j = i + 1; j < k; j++) {
                    cross[pair(i, j)] += (long) v[i] * v[j];
                }
            }
        }
        return complete;
    }

    /**
     * A mutable running total for the hot path (a day read once): adds answers in place instead of copying the
     * arrays for every respondent, then gives the immutable sums. Same figures as repeated {@link #add}.
     */
    public Tally tally() {
        return new Tally(this);
    }

    public static final class Tally {
        private final ScaleSums running;
        private long respondents;
        private long n;

        private Tally(ScaleSums start) {
            running = start.copy();
            respondents = start.respondents;
            n = start.n;
        }

        /** @param answerOf the answer to an item id (a JSON node, a number, "na", or null) */
        public void add(java.util.function.Function<String, ?> answerOf, Predicate<String> asked) {
            if (running.accumulate(answerOf, asked)) {
                n++;
            }
            respondents++;
        }

        public ScaleSums toSums() {
            ScaleSums r = running.copy();
            return new ScaleSums(r.items, respondents, n, r.sum, r.sumSq, r.cross, r.answered, r.notApplicable, r.missing,
                    r.notAsked, r.atMin, r.atMax);
        }
    }

    /** The element-wise sum of two summaries of the same scale (same item ids in the same order). */
    public ScaleSums plus(ScaleSums other) {
        if (!items.equals(other.items)) {
            throw new IllegalArgumentException("different scales: " + items + " vs " + other.items);
        }
        return new ScaleSums(items, Math.addExact(respondents, other.respondents), Math.addExact(n, other.n),
                add(sum, other.sum), add(sumSq, other.sumSq), add(cross, other.cross),
                add(answered, other.answered), add(notApplicable, other.notApplicable), add(missing, other.missing),
                add(notAsked, other.notAsked), add(atMin, other.atMin), add(atMax, other.atMax));
    }

    public List<String> items() { return items; }
    public int k() { return items.size(); }
    /** Respondents added (whatever they answered). */
    public long respondents() { return respondents; }
    /** Listwise-complete respondents: all k items answered 1-5. */
    public long n() { return n; }
    public long sum(int i) { return sum[i]; }
    public long sumSq(int i) { return sumSq[i]; }
    /** Sum of x_i * x_j over complete respondents; for i == j the sum of squares. */
    public long cross(int i, int j) {
        if (i == j) {
            return sumSq[i];
        }
        return i < j ? cross[pair(i, j)] : cross[pair(j, i)];
    }
    public long answered(int i) { return answered[i]; }
    public long notApplicable(int i) { return notApplicable[i]; }
    public long missing(int i) { return missing[i]; }
    public long notAsked(int i) { return notAsked[i]; }
    public long atMin(int i) { return atMin[i]; }
    public long atMax(int i) { return atMax[i]; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScaleSums s && items.equals(s.items) && respondents == s.respondents && n == s.n
                && Arrays.equals(sum, s.sum) && Arrays.equals(sumSq, s.sumSq) && Arrays.equals(cross, s.cross)
                && Arrays.equals(answered, s.answered) && Arrays.equals(notApplicable, s.notApplicable)
                && Arrays.equals(missing, s.missing) && Arrays.equals(notAsked, s.notAsked) && Arrays.equals(atMin, s.atMin) && Arrays.equals(atMax, s.atMax);
    }

    @Override
    public int hashCode() {
        return 31 * items.hashCode() + Long.hashCode(n) + 17 * Arrays.hashCode(cross) + Arrays.hashCode(sum);
    }

    @Override
    public String toString() {
        return "ScaleSums" + items + "{respondents=" + respondents + ", n=" + n + ", sum=" + Arrays.toString(sum)
                + ", sumSq=" + Arrays.toString(sumSq) + ", cross=" + Arrays.toString(cross) + "}";
    }

    private static final int NA = -1;
    private static final int MISSING = 0;

    private static int classify(String item, Object a) {
        if (a instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return MISSING;
            }
            if (node.isTextual()) {
                a = node.textValue();
            } else if (node.isIntegralNumber()) {
                a = node.longValue();
            } else {
                throw new IllegalArgumentException("item " + item + ": not a scale answer: " + node);
            }
        }
        if (a == null) {
            return MISSING;
        }
        if ("na".equals(a)) {
            return NA;
        }
        if (a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte) {
            long x = ((Number) a).longValue();
            if (x >= MIN && x <= MAX) {
                return (int) x;
            }
        }
        throw new IllegalArgumentException("item " + item + ": not a scale answer (1-5 or \"na\"): " + a);
    }

    private int pair(int i, int j) {
        int k = items.size();
        return i * k - i * (i + 1) / 2 + (j - i - 1);
    }

    private ScaleSums copy() {
        return new ScaleSums(items, respondents, n, sum.clone(), sumSq.clone(), cross.clone(), answered.clone(),
                notApplicable.clone(), missing.clone(), notAsked.clone(), atMin.clone(), atMax.clone());
    }

    private static long[] add(long[] a, long[] b) {
        long[] c = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = Math.addExact(a[i], b[i]);
        }
        return c;
    }
}
