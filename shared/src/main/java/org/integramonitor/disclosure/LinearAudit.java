package org.integramonitor.disclosure;

import org.integramonitor.aggregation.CellKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which suppressed cells the published sums determine exactly. Per indicator and year, every relation
 * "total - sum of parts = 0" is a row over the suppressed cells (published cells are constants); after
 * Gauss-Jordan elimination a suppressed cell is determined when some row has no other unknown left.
 * Coefficients are small integers, so a tolerance of 1e-9 is safe.
 */
final class LinearAudit {

    private static final double EPSILON = 1e-9;

    private LinearAudit() {
    }

    static Set<CellKey> determined(List<DisclosureControl.Relation> relations, Set<CellKey> suppressed) {
        // an indicator's sums of different years share no cell, so each year is solved on its own (smaller systems)
        Map<String, List<DisclosureControl.Relation>> byIndicator = new TreeMap<>();
        for (DisclosureControl.Relation relation : relations) {
            String block = relation.total().indicator() + "/" + relation.total().period().start().getYear();
            byIndicator.computeIfAbsent(block, id -> new ArrayList<>()).add(relation);
        }
        Set<CellKey> determined = new TreeSet<>();
        byIndicator.values().forEach(own -> determined.addAll(solve(own, suppressed)));
        return determined;
    }

    private static Set<CellKey> solve(List<DisclosureControl.Relation> relations, Set<CellKey> suppressed) {
        Map<CellKey, Integer> column = new HashMap<>();
        List<CellKey> unknowns = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (DisclosureControl.Relation relation : relations) {
            for (CellKey member : relation.members()) {
                if (suppressed.contains(member) && !column.containsKey(member)) {
                    column.put(member, unknowns.size());
                    unknowns.add(member);
                }
            }
        }
        for (DisclosureControl.Relation relation : relations) {
            double[] row = new double[unknowns.size()];
            boolean any = false;
            for (CellKey member : relation.members()) {
                if (suppressed.contains(member)) {
                    row[column.get(member)] += member.equals(relation.total()) ? -1 : 1;
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        // Gauss-Jordan elimination to reduced row echelon form
        int pivotRow = 0;
        for (int col = 0; col < unknowns.size() && pivotRow < rows.size(); col++) {
            int best = -1;
            for (int r = pivotRow; r < rows.size(); r++) {
                if (Math.abs(rows.get(r)[col]) > EPSILON && (best < 0 || Math.abs(rows.get(r)[col]) > Math.abs(rows.get(best)[col]))) {
                    best = r;
                }
            }
            if (best < 0) {
                continue;
            }
            double[] pivot = rows.get(best);
            rows.set(best, rows.get(pivotRow));
            rows.set(pivotRow, pivot);
            double scale = pivot[col];
            for (int c = 0; c < pivot.length; c++) {
                pivot[c] /= scale;
            }
            for (int r = 0; r < rows.size(); r++) {
                double[] other = rows.get(r);
                if (r != pivotRow && Math.abs(other[col]) > EPSILON) {
                    double factor = other[col];
                    for (int c = 0; c < other.length; c++) {
                        other[c] -= factor * pivot[c];
                    }
                }
            }
            pivotRow++;
        }
        Set<CellKey> determined = new TreeSet<>();
        for (double[] row : rows) {
            int nonZero = -1;
            int count = 0;
            for (int c = 0; c < row.length; c++) {
                if (Math.abs(row[c]) > EPSILON) {
                    nonZero = c;
                    count++;
                }
            }
            if (count == 1) {
                determined.add(unknowns.get(nonZero));
            }
        }
        return determined;
    }
}
