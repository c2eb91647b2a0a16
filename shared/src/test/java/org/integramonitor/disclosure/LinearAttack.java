package org.integramonitor.disclosure;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Test helper: a stronger attacker than repeated single subtraction. Writes every relation "total = sum of
 * parts" as a linear equation over the unknown (suppressed) cells, with the published cells moved to the
 * constant side, and brings the system to reduced row echelon form. A suppressed cell is exactly
 * determined when its pivot row involves no free unknown; its value is then the row's constant.
 */
final class LinearAttack {

    private static final double EPS = 1e-9;

    private LinearAttack() {
    }

    /** The suppressed cells that some combination of relations determines exactly, with their recovered n and sum. */
    static Map<CellKey, long[]> determined(Map<CellKey, Accumulator> cells, Set<CellKey> suppressed,
                                           List<SubtractionAttackTest.Relation> relations) {
        Map<CellKey, long[]> result = new TreeMap<>();
        Map<String, List<SubtractionAttackTest.Relation>> byIndicator = new TreeMap<>();
        relations.forEach(r -> byIndicator.computeIfAbsent(r.total().indicator(), i -> new ArrayList<>()).add(r));
        byIndicator.forEach((indicator, own) -> result.putAll(solve(cells, suppressed, own)));
        return result;
    }

    private static Map<CellKey, long[]> solve(Map<CellKey, Accumulator> cells, Set<CellKey> suppressed,
                                              List<SubtractionAttackTest.Relation> relations) {
        List<CellKey> unknowns = new ArrayList<>();
        Map<CellKey, Integer> column = new HashMap<>();
        for (SubtractionAttackTest.Relation relation : relations) {
            for (CellKey member : relation.members()) {
                if (suppressed.contains(member) && !column.containsKey(member)) {
                    column.put(member, unknowns.size());
                    unknowns.add(member);
                }
            }
        }
        int width = unknowns.size();
        List<double[]> rows = new ArrayList<>();
        for (SubtractionAttackTest.Relation relation : relations) {
            // sum(parts) - total = 0; columns: unknowns..., constant n, constant sum
            double[] row = new double[width + 2];
            boolean any = false;
            for (CellKey member : relation.members()) {
                double coefficient = member.equals(relation.total()) ? -1 : 1;
                if (suppressed.contains(member)) {
                    row[column.get(member)] += coefficient;
                    any = true;
                } else {
                    Accumulator known = cells.get(member);
                    row[width] -= coefficient * known.n();
                    row[width + 1] -= coefficient * known.sum();
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        // reduced row echelon form with partial pivoting
        int[] pivotOfRow = new int[rows.size()];
        boolean[] isPivot = new boolean[width];
        int r = 0;
        for (int c = 0; c < width && r < rows.size(); c++) {
            int best = r;
            for (int i = r + 1; i < rows.size(); i++) {
                if (Math.abs(rows.get(i)[c]) > Math.abs(rows.get(best)[c])) {
                    best = i;
                }
            }
            if (Math.abs(rows.get(best)[c]) < EPS) {
                continue;
            }
            double[] swap = rows.get(r);
            rows.set(r, rows.get(best));
            rows.set(best, swap);
            double[] pivot = rows.get(r);
            double scale = pivot[c];
            for (int k = 0; k < width + 2; k++) {
                pivot[k] /= scale;
            }
            for (int i = 0; i < rows.size(); i++) {
                if (i != r && Math.abs(rows.get(i)[c]) > EPS) {
                    double factor = rows.get(i)[c];
                    double[] row = rows.get(i);
                    for (int k = 0; k < width + 2; k++) {
                        row[k] -= factor * pivot[k];
                    }
                }
            }
            pivotOfRow[r] = c;
            isPivot[c] = true;
            r++;
        }
        Map<CellKey, long[]> determined = new TreeMap<>();
        for (int i = 0; i < r; i++) {
            double[] row = rows.get(i);
            boolean alone = true;
            for (int c = 0; c < width; c++) {
                if (c != pivotOfRow[i] && Math.abs(row[c]) > EPS) {
                    alone = false;
                    break;
                }
            }
            if (alone) {
                determined.put(unknowns.get(pivotOfRow[i]), new long[]{Math.round(row[width]), Math.round(row[width + 1])});
            }
        }
        return determined;
    }
}
