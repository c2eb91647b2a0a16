package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.Period;
import org.integramonitor.aggregation.PeriodKind;
import org.integramonitor.disclosure.DisclosureSettings;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The attacker on tables small enough to work out by hand: it must find what subtraction gives away, and no more. */
class IntervalAttackToyTablesTest {

    private static final String TOY = "toy_pct";
    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);
    private static final Period MONTH = Period.of(PeriodKind.MONTH, JANUARY);

    /** A toy publication: true cells, which are withheld (with an optional legacy reason), respondents per cell. */
    private static final class Toy {
        final Map<CellKey, Accumulator> truth = new HashMap<>();
        final List<TableCell> rows = new ArrayList<>();
        final Map<AreaPeriod, Long> respondents = new HashMap<>();

        Toy published(String area, Period period, long respondents, long n, long k) {
            CellKey key = add(area, period, respondents, n, k);
            rows.add(TableCell.published(key, n, k));
            return this;
        }

        Toy withheld(String area, Period period, long respondents, long n, long k, String reason) {
            CellKey key = add(area, period, respondents, n, k);
            rows.add(TableCell.withheld(key, reason));
            return this;
        }

        private CellKey add(String area, Period period, long respondents, long n, long k) {
            CellKey key = new CellKey(TOY, area, period);
            truth.put(key, Accumulator.share(n, k));
            this.respondents.put(new AreaPeriod(area, period), respondents);
            return key;
        }

        List<Leak> attack(boolean fullCoverage) {
            AttackReport report = new IntervalAttack(DisclosureSettings.DEFAULT)
                    .attack(new PublishedTable(rows, respondents, true), truth, List.of(new IntervalAttack.ShareIndicator(TOY, fullCoverage, true)));
            System.out.println(report.summary() + " " + report.leaks());
            return report.leaks();
        }
    }

    private static CellKey key(String area, Period period) {
        return new CellKey(TOY, area, period);
    }

    @Test
    void aMunicipalityWithheldAloneInTheNationalSumIsPinned() {
        List<Leak> leaks = new Toy()
                .published(CellKey.NATIONAL, MONTH, 100, 100, 30)
                .published("LT-01", MONTH, 50, 50, 20)
                .withheld("LT-02", MONTH, 50, 50, 10, null)
                .attack(false);

        assertThat(leaks).contains(new Leak(key("LT-02", MONTH), LeakKind.PINNED_COUNT, 10, 10));
    }

    @Test
    void subtractionRevealingFewPeopleLeftOutOfTheDenominatorIsACoverageLeak() {
        // 107 of 110 respondents answered; the one withheld municipality's 3 "don't know" follow by subtraction
        List<Leak> leaks = new Toy()
                .published(CellKey.NATIONAL, MONTH, 110, 107, 40)
                .published("LT-01", MONTH, 100, 100, 35)
                .withheld("LT-02", MONTH, 10, 7, 5, null)
                .attack(false);

        assertThat(leaks).contains(new Leak(key("LT-02", MONTH), LeakKind.SMALL_UNCOVERED, 3, 3));
    }

    @Test
    void twoSmallGroupCellsWhoseUnionIsThreeAreEachProvenSmall() {
        // the legacy reason "small_group" says k or n - k is 1-4; with n = 20 each and 3 counted between them, k is 1-2
        List<Leak> leaks = new Toy()
                .published(CellKey.NATIONAL, MONTH, 100, 100, 23)
                .published("LT-01", MONTH, 60, 60, 20)
                .withheld("LT-02", MONTH, 20, 20, 2, "small_group")
                .withheld("LT-03", MONTH, 20, 20, 1, "small_group")
                .attack(true);

        assertThat(leaks).contains(new Leak(key("LT-02", MONTH), LeakKind.SMALL_COUNTED_GROUP, 1, 2),
                new Leak(key("LT-03", MONTH), LeakKind.SMALL_COUNTED_GROUP, 1, 2));
    }

    @Test
    void withoutAReasonTheSameUnionOfThreeLeavesEachCellOpen() {
        List<Leak> leaks = new Toy()
                .published(CellKey.NATIONAL, MONTH, 100, 100, 23)
                .published("LT-01", MONTH, 60, 60, 20)
                .withheld("LT-02", MONTH, 20, 20, 2, null)
                .withheld("LT-03", MONTH, 20, 20, 1, null)
                .attack(true);

        assertThat(leaks).isEmpty();
    }

    @Test
    void aSafeSuppressionPatternIsNotFlagged() {
        List<Leak> leaks = new Toy()
                .published(CellKey.NATIONAL, MONTH, 100, 95, 40)
                .published("LT-01", MONTH, 50, 48, 20)
                .withheld("LT-02", MONTH, 25, 24, 12, null)
                .withheld("LT-03", MONTH, 25, 23, 8, null)
                .attack(false);

        assertThat(leaks).isEmpty();
    }

    @Test
    void aMonthIsRecoveredFromItsQuarterAndTheOtherMonths() {
        Period quarter = Period.of(PeriodKind.QUARTER, JANUARY);
        List<Period> months = quarter.parts();
        List<Leak> leaks = new Toy()
                .published("LT-01", quarter, 40, 40, 12)
                .published("LT-01", months.get(0), 15, 15, 5)
                .published("LT-01", months.get(1), 12, 12, 5)
                .withheld("LT-01", months.get(2), 13, 13, 2, null)
                .published(CellKey.NATIONAL, quarter, 40, 40, 12)
                .published(CellKey.NATIONAL, months.get(0), 15, 15, 5)
                .published(CellKey.NATIONAL, months.get(1), 12, 12, 5)
                .withheld(CellKey.NATIONAL, months.get(2), 13, 13, 2, null)
                .attack(true);

        assertThat(leaks).contains(new Leak(key("LT-01", months.get(2)), LeakKind.SMALL_COUNTED_GROUP, 2, 2),
                new Leak(key("LT-01", months.get(2)), LeakKind.PINNED_COUNT, 2, 2));
    }
}
