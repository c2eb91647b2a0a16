package org.integramonitor.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Measurement quality of one multi-item scale, computed only from {@link ScaleSums} (additive sums).
 *
 * <h2>What is computed</h2>
 * From the listwise-complete respondents (n) the sample covariance matrix
 * {@code C_ij = (n * Sxixj - Sxi * Sxj) / (n (n - 1))} (divisor n - 1, as R's {@code cov}; the numerator is
 * exact integer arithmetic) and the correlation matrix R.
 * <ul>
 *   <li><b>Cronbach's alpha</b> (raw, on covariances): {@code k/(k-1) * (1 - tr(C) / sum(C))}, as
 *       {@code psych::alpha(...)$total$raw_alpha}.</li>
 *   <li><b>Feldt 95% interval for alpha</b> (Feldt 1965; as {@code psych::alpha.ci}): with
 *       {@code F ~ F(n-1, (n-1)(k-1))}, lower {@code 1 - (1-alpha) F_0.975}, upper {@code 1 - (1-alpha) F_0.025}.
 *       Exact under the normal, essentially tau-equivalent model; approximate otherwise.</li>
 *   <li><b>McDonald's omega total</b>, standardized (on R), one-factor model:
 *       {@code omega = (sum l)^2 / ((sum l)^2 + sum(1 - l^2))}. The loadings l are fitted by <b>iterated
 *       principal axis factoring</b> run to convergence (start: squared multiple correlations; each step replaces
 *       the diagonal of R by the communalities and takes the first eigenpair; stop when no communality moves by
 *       more than 1e-12). A converged iterated principal axis solution is a stationary point of the unweighted
 *       least squares criterion, which is what minimum residual ({@code psych::fa(fm="minres")}) minimizes, so the
 *       two agree up to psych's optimizer tolerance (observed: 5e-7 on the loadings, see ScaleQualityRCheckTest).
 *       With 2 items the model is not identified; the iteration then converges to equal loadings sqrt(r_12), so
 *       omega equals standardized alpha 2r/(1+r) (noted in the reasons). If a communality exceeds 1
 *       (Heywood case) or the iteration does not converge, omega is empty with a reason.
 *       Also given: {@link #omegaTotalObserved()}, the variant of {@code psych::omega(...)$omega.tot}, which
 *       divides by the observed total {@code 1 - sum(1 - l^2) / sum(R)} instead of the model-implied one.</li>
 *   <li><b>Interval for omega</b>: bootstrap or the asymptotically distribution-free delta method need the raw data
 *       or fourth moments, which additive second-order sums do not hold. We give a <b>Feldt-type interval</b>:
 *       the Feldt formula above applied to omega. This is a heuristic: it is exact only when omega equals alpha
 *       (tau-equivalent items) under normality; for congeneric items its coverage is not guaranteed. It is labelled
 *       as such and must not be presented as exact.</li>
 *   <li>Per item: <b>item-rest correlation</b> (the item against the sum of the other items, on covariances, as
 *       {@code psych::alpha(...)$item.stats$r.drop}); <b>alpha if item dropped</b> (as
 *       {@code $alpha.drop$raw_alpha}); <b>non-response rate</b> = missing / asked (asked = respondents minus
 *       those the skip logic did not show the item); <b>don't know rate</b> = "na" / asked; the
 *       <b>non-response flag</b> is raised when (missing + "na") / asked exceeds 10%; <b>floor</b> and <b>ceiling</b> = share of substantive answers at 1 and at 5 (flag above 15%).</li>
 * </ul>
 * Statistics that cannot be computed (n &lt; 2, k &lt; 2, zero variance, singular matrices) are empty, never NaN,
 * and {@link #reasons()} says why.
 */
public record ScaleQuality(
        List<String> items,
        long respondents,
        long n,
        OptionalDouble alpha,
        OptionalDouble alphaLower,
        OptionalDouble alphaUpper,
        OptionalDouble omegaTotal,
        OptionalDouble omegaLower,
        OptionalDouble omegaUpper,
        OptionalDouble omegaTotalObserved,
        List<Double> loadings,
        List<Item> itemQuality,
        List<String> reasons) {

    public static final double CONFIDENCE = 0.95;
    public static final double NON_RESPONSE_FLAG = 0.10;
    public static final double FLOOR_CEILING_FLAG = 0.15;
    static final double CONVERGENCE = 1e-12;
    static final int MAX_ITERATIONS = 10_000;

    /** Quality figures of one item. Rates are empty when there are no respondents (or no substantive answers). */
    public record Item(
            String id,
            OptionalDouble itemRest,
            OptionalDouble alphaIfDropped,
            OptionalDouble nonResponseRate,
            OptionalDouble dontKnowRate,
            OptionalDouble floorRate,
            OptionalDouble ceilingRate,
            boolean nonResponseFlag,
            boolean floorFlag,
            boolean ceilingFlag) {}

    public static ScaleQuality of(ScaleSums s) {
        int k = s.k();
        long n = s.n();
        List<String> reasons = new ArrayList<>();
        OptionalDouble alpha = OptionalDouble.empty();
        OptionalDouble aLo = OptionalDouble.empty();
        OptionalDouble aHi = OptionalDouble.empty();
        OptionalDouble omega = OptionalDouble.empty();
        OptionalDouble oLo = OptionalDouble.empty();
        OptionalDouble oHi = OptionalDouble.empty();
        OptionalDouble omegaObs = OptionalDouble.empty();
        List<Double> loadings = List.of();
        OptionalDouble[] itemRest = empties(k);
        OptionalDouble[] alphaDrop = empties(k);

        double[][] c = null;
        if (k < 2) {
            reasons.add("fewer than 2 items: no internal consistency");
        } else if (n < 2) {
            reasons.add("fewer than 2 respondents answered all items (n=" + n + ")");
        } else {
            c = covariance(s);
        }
        if (c != null) {
            double total = sumAll(c, -1);
            if (!(total > 0)) {
                reasons.add("total score has zero variance");
            } else {
                double a = alphaOf(c, -1);
                alpha = OptionalDouble.of(a);
                double[] f = feldt(a, n, k);
                aLo = OptionalDouble.of(f[0]);
                aHi = OptionalDouble.of(f[1]);
            }
            boolean zeroItem = false;
            for (int i = 0; i < k; i++) {
                if (!(c[i][i] > 0)) {
                    zeroItem = true;
                    reasons.add("item " + s.items().get(i) + " has zero variance: correlations, item-rest and omega undefined");
                }
            }
            for (int i = 0; i < k; i++) {
                double rest = sumAll(c, i);
                double cov = 0;
                for (int j = 0; j < k; j++) {
                    if (j != i) {
                        cov += c[i][j];
                    }
                }
                if (c[i][i] > 0 && rest > 0) {
                    itemRest[i] = OptionalDouble.of(cov / Math.sqrt(c[i][i] * rest));
                }
                if (k >= 3 && rest > 0) {
                    alphaDrop[i] = OptionalDouble.of(alphaOf(c, i));
                }
            }
            if (k == 2) {
                reasons.add("2 items: alpha if item dropped undefined (one item left)");
            }
            if (!zeroItem) {
                double[][] r = new double[k][k];
                double sumR = 0;
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        r[i][j] = c[i][j] / Math.sqrt(c[i][i] * c[j][j]);
                        sumR += r[i][j];
                    }
                }
                if (k == 2) {
                    reasons.add("2 items: the one-factor model is not identified; equal loadings sqrt(r) are used,"
                            + " so omega equals standardized alpha 2r/(1+r)");
                }
                double[] l = oneFactor(r, reasons);
                if (l != null) {
                    double sl = 0;
                    double u = 0;
                    List<Double> ls = new ArrayList<>();
                    for (double x : l) {
                        sl += x;
                        u += 1 - x * x;
                        ls.add(x);
                    }
                    loadings = List.copyOf(ls);
                    double o = sl * sl / (sl * sl + u);
                    omega = OptionalDouble.of(o);
                    omegaObs = OptionalDouble.of(1 - u / sumR);
                    double[] f = feldt(o, n, k);
                    oLo = OptionalDouble.of(f[0]);
                    oHi = OptionalDouble.of(f[1]);
                }
            }
        }

        List<Item> itemList = new ArrayList<>();
        long resp = s.respondents();
        for (int i = 0; i < k; i++) {
            long askedCount = resp - s.notAsked(i);
            OptionalDouble nonResp = rate(s.missing(i), askedCount);
            OptionalDouble dk = rate(s.notApplicable(i), askedCount);
            OptionalDouble floor = rate(s.atMin(i), s.answered(i));
            OptionalDouble ceil = rate(s.atMax(i), s.answered(i));
            boolean nrFlag = askedCount > 0
                    && (double) (s.missing(i) + s.notApplicable(i)) / askedCount > NON_RESPONSE_FLAG;
            itemList.add(new Item(s.items().get(i), itemRest[i], alphaDrop[i], nonResp, dk, floor, ceil,
                    nrFlag,
                    floor.isPresent() && floor.getAsDouble() > FLOOR_CEILING_FLAG,
                    ceil.isPresent() && ceil.getAsDouble() > FLOOR_CEILING_FLAG));
        }
        if (resp == 0) {
            reasons.add("no respondents: item rates undefined");
        }
        return new ScaleQuality(s.items(), resp, n, alpha, aLo, aHi, omega, oLo, oHi, omegaObs, loadings,
                List.copyOf(itemList), List.copyOf(reasons));
    }

    /** Sample covariance matrix (divisor n - 1) of the complete respondents. */
    static double[][] covariance(ScaleSums s) {
        int k = s.k();
        long n = s.n();
        double denom = (double) n * (n - 1);
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                long num = Math.subtractExact(Math.multiplyExact(n, s.cross(i, j)),
                        Math.multiplyExact(s.sum(i), s.sum(j)));
                c[i][j] = num / denom;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /** Raw alpha of the covariance matrix without item {@code drop} (-1: all items). */
    static double alphaOf(double[][] c, int drop) {
        int k = c.length - (drop >= 0 ? 1 : 0);
        double trace = 0;
        for (int i = 0; i < c.length; i++) {
            if (i != drop) {
                trace += c[i][i];
            }
        }
        return (double) k / (k - 1) * (1 - trace / sumAll(c, drop));
    }

    private static double sumAll(double[][] c, int drop) {
        double t = 0;
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                if (i != drop && j != drop) {
                    t += c[i][j];
                }
            }
        }
        return t;
    }

    /** Feldt interval {lower, upper} at {@link #CONFIDENCE} for a reliability coefficient {@code a}. */
    static double[] feldt(double a, long n, int k) {
        FDistribution f = FDistribution.of(n - 1, (double) (n - 1) * (k - 1));
        double tail = (1 - CONFIDENCE) / 2;
        return new double[] {1 - (1 - a) * f.inverseCumulativeProbability(1 - tail),
                1 - (1 - a) * f.inverseCumulativeProbability(tail)};
    }

    /** One-factor loadings by iterated principal axis factoring, or null with a reason. */
    static double[] oneFactor(double[][] r, List<String> reasons) {
        int k = r.length;
        double[] h = smc(r);
        if (h == null) {
            reasons.add("correlation matrix singular: omega not computed");
            return null;
        }
        double[] l = new double[k];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[][] reduced = new double[k][k];
            for (int i = 0; i < k; i++) {
                reduced[i] = r[i].clone();
                reduced[i][i] = h[i];
            }
            double[] vec = new double[k];
            double val = firstEigen(reduced, vec);
            double max = 0;
            for (int i = 0; i < k; i++) {
                l[i] = vec[i] * Math.sqrt(Math.max(val, 0));
                double hi = l[i] * l[i];
                max = Math.max(max, Math.abs(hi - h[i]));
                h[i] = hi;
            }
            if (max < CONVERGENCE) {
                double sum = 0;
                for (double x : l) {
                    sum += x;
                }
                for (int i = 0; i < k; i++) {
                    if (sum < 0) {
                        l[i] = -l[i];
                    }
                    if (h[i] >= 1) {
                        reasons.add("Heywood case (a communality >= 1): omega not computed");
                        return null;
                    }
                }
                return l;
            }
        }
        reasons.add("one-factor fit did not converge in " + MAX_ITERATIONS + " iterations: omega not computed");
        return null;
    }

    /** Squared multiple correlations 1 - 1/diag(R^-1), or null when R is singular. */
    private static double[] smc(double[][] r) {
        int k = r.length;
        double[][] a = new double[k][2 * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(r[i], 0, a[i], 0, k);
            a[i][k + i] = 1;
        }
        for (int col = 0; col < k; col++) {
            int p = col;
            for (int i = col + 1; i < k; i++) {
                if (Math.abs(a[i][col]) > Math.abs(a[p][col])) {
                    p = i;
                }
            }
            if (Math.abs(a[p][col]) < 1e-12) {
                return null;
            }
            double[] t = a[p];
            a[p] = a[col];
            a[col] = t;
            double d = a[col][col];
            for (int j = 0; j < 2 * k; j++) {
                a[col][j] /= d;
            }
            for (int i = 0; i < k; i++) {
                if (i != col && a[i][col] != 0) {
                    double m = a[i][col];
                    for (int j = 0; j < 2 * k; j++) {
                        a[i][j] -= m * a[col][j];
                    }
                }
            }
        }
        double[] h = new double[k];
        for (int i = 0; i < k; i++) {
            h[i] = 1 - 1 / a[i][k + i];
        }
        return h;
    }

    /** Largest eigenvalue of a symmetric matrix (cyclic Jacobi); its unit eigenvector is written to {@code vec}. */
    static double firstEigen(double[][] m, double[] vec) {
        int k = m.length;
        double[][] a = new double[k][];
        double[][] v = new double[k][k];
        for (int i = 0; i < k; i++) {
            a[i] = m[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < k; p++) {
                for (int q = p + 1; q < k; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double cs = 1 / Math.sqrt(t * t + 1);
                    double sn = t * cs;
                    for (int i = 0; i < k; i++) {
                        double aip = a[i][p];
                        double aiq = a[i][q];
                        a[i][p] = cs * aip - sn * aiq;
                        a[i][q] = sn * aip + cs * aiq;
                    }
                    for (int i = 0; i < k; i++) {
                        double api = a[p][i];
                        double aqi = a[q][i];
                        a[p][i] = cs * api - sn * aqi;
                        a[q][i] = sn * api + cs * aqi;
                    }
                    for (int i = 0; i < k; i++) {
                        double vip = v[i][p];
                        double viq = v[i][q];
                        v[i][p] = cs * vip - sn * viq;
                        v[i][q] = sn * vip + cs * viq;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < k; i++) {
            if (a[i][i] > a[best][best]) {
                best = i;
            }
        }
        for (int i = 0; i < k; i++) {
            vec[i] = v[i][best];
        }
        return a[best][best];
    }

    private static OptionalDouble rate(long count, long of) {
        return of > 0 ? OptionalDouble.of((double) count / of) : OptionalDouble.empty();
    }

    private static OptionalDouble[] empties(int k) {
        OptionalDouble[] o = new OptionalDouble[k];
        java.util.Arrays.fill(o, OptionalDouble.empty());
        return o;
    }
}
