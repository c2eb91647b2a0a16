package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.Accumulator;
import org.integramonitor.aggregation.CellKey;
import org.integramonitor.aggregation.Period;
import org.integramonitor.aggregation.PeriodKind;
import org.integramonitor.aggregation.Respondents;
import org.integramonitor.disclosure.DisclosureControl;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorFixtures;
import org.integramonitor.indicator.IndicatorType;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.TestInstruments;
import org.integramonitor.snapshot.CellPublisher;
import org.integramonitor.snapshot.PublishedCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack of issue 9 on synthetic survey data run through the real aggregation: it breaks the rules as
 * published until commit 8d1cee6 (a test of the test) and must find nothing in what is published now.
 * Run: {@code ./mvnw -B -q test -pl shared -Dtest='IntervalAttack*' -Dsurefire.failIfNoSpecifiedTests=false};
 * each attack prints its leaks, undecided claims, solver calls and time.
 */
class IntervalAttackTest {

    private static final long SEED = 9;
    private static final DisclosureSettings SETTINGS = DisclosureSettings.DEFAULT;
    private static final String REFUSED_HOUSING = "housing_refused_origin_pct";

    private static IndicatorCatalog catalog;
    private static SurveyTotals survey;
    private static List<IntervalAttack.ShareIndicator> shares;

    @BeforeAll
    static void generate() {
        catalog = IndicatorFixtures.shipped();
        Instrument instrument = IndicatorFixtures.instruments().published(SyntheticSurvey.INSTRUMENT, 1).orElseThrow();
        survey = SurveyTotals.of(SyntheticSurvey.generate(SEED), catalog);
        // as docs/disclosure.md has it: those in and out of a subpopulation (filter, skip logic) are groups
        // to protect; answering "don't know" is not treated as a characteristic
        // the synthetic respondents answer the survey: the other questionnaires' indicators have no rows to attack
        shares = catalog.all().stream().filter(indicator -> indicator.type() == IndicatorType.SHARE)
                .filter(indicator -> indicator.appliesTo(SyntheticSurvey.INSTRUMENT, 1))
                .map(indicator -> new IntervalAttack.ShareIndicator(indicator.id(), Coverage.isFullByDesign(indicator, instrument),
                        catalog.selectsSubpopulation(indicator.id())))
                .toList();
        // the respondent counts the attacker is assumed to know are the system's own
        survey.respondents().forEach((areaPeriod, count) -> assertThat(survey.cells()
                .get(new CellKey(Respondents.id(SyntheticSurvey.INSTRUMENT, 1), areaPeriod.area(), areaPeriod.period())).n())
                .isEqualTo(count));
    }

    @Test
    void legacyRulesLeak() {
        LegacyPublication legacy = LegacyPublication.of(survey.indicatorCells(), catalog.all(), SETTINGS);
        PublishedTable table = PublishedTable.of(legacy.rows(), survey.cells(), legacy.reasons(), survey.respondents());

        AttackReport report = attack(table);

        // the example: 3 of the 400 of a large municipality, withheld as a small group, proven to be 1-4
        CellKey planted = new CellKey(REFUSED_HOUSING, SyntheticSurvey.LARGE, Period.of(PeriodKind.QUARTER, SyntheticSurvey.FIRST_DAY));
        assertThat(survey.cells().get(planted)).isEqualTo(Accumulator.share(400, SyntheticSurvey.LARGE_REFUSED_HOUSING));
        assertThat(legacy.reasons()).containsEntry(planted, "small_group");
        assertThat(report.leaks()).anySatisfy(leak -> {
            assertThat(leak.cell()).isEqualTo(planted);
            assertThat(leak.kind()).isEqualTo(LeakKind.SMALL_COUNTED_GROUP);
            assertThat(leak.low()).isGreaterThanOrEqualTo(1);
            assertThat(leak.high()).isLessThan(SETTINGS.minimumGroup());
        });
    }

    @Test
    void currentRulesWithstand() {
        List<String> areas = new ArrayList<>(List.of(CellKey.NATIONAL));
        TestInstruments.municipalities().all().forEach(municipality -> areas.add(municipality.code()));
        List<PublishedCell> rows = new CellPublisher(new DisclosureControl(SETTINGS))
                .publish(survey.cells(), catalog, areas, Period.between(SyntheticSurvey.FIRST_DAY, SyntheticSurvey.LAST_DAY)).rows();
        PublishedTable table = PublishedTable.of(rows, survey.cells(), Map.of(), survey.respondents());

        AttackReport report = attack(table);

        assertThat(report.leaks()).isEmpty();
        assertThat(report.undecided()).as("claims the attack could not settle").isEmpty();
    }

    private static AttackReport attack(PublishedTable table) {
        AttackReport report = new IntervalAttack(SETTINGS).attack(table, survey.cells(), shares);
        System.out.println(report.summary() + "; a withheld row implies n >= 1: " + table.withheldImpliesResponses());
        report.leaks().forEach(leak -> System.out.println("  leak " + leak));
        report.undecided().forEach(claim -> System.out.println("  undecided " + claim));
        return report;
    }
}
