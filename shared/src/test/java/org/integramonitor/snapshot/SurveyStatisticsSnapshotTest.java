package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.aggregation.PilotSubmissionReader;
import org.integramonitor.aggregation.SubmissionRecord;
import org.integramonitor.aggregation.memory.InMemorySubmissionReader;
import org.integramonitor.disclosure.DisclosureSettings;
import org.integramonitor.indicator.IndicatorCatalog;
import org.integramonitor.indicator.IndicatorDefinition;
import org.integramonitor.indicator.IndicatorFixtures;
import org.integramonitor.indicator.Scoring;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.Item;
import org.integramonitor.instrument.ItemType;
import org.integramonitor.instrument.TestInstruments;
import org.integramonitor.json.Json;
import org.integramonitor.quality.InstrumentScales;
import org.integramonitor.quality.ScaleQuality;
import org.integramonitor.quality.ScaleSums;
import org.integramonitor.snapshot.memory.InMemorySnapshotStore;
import org.integramonitor.snapshot.memory.InMemorySummaryStore;
import org.integramonitor.weighting.PopulationMargins;
import org.integramonitor.weighting.Raking;
import org.integramonitor.weighting.RakingResult;
import org.integramonitor.weighting.RakingSettings;
import org.integramonitor.weighting.Stratum;
import org.integramonitor.weighting.StratumCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot's quality.json and weighted.json from a run over synthetic submissions, checked against an
 * independent computation from the raw records (per respondent, not from the additive sums), and the
 * incremental run against a full recompute.
 */
class SurveyStatisticsSnapshotTest {

    private static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 4, 1);
    private static final List<String> AREAS = List.of("LT-57", "LT-57", "LT-57", "LT-15", "LT-15", "LT-20", "LT-19");

    private final ObjectMapper mapper = new Json().mapper();
    private final IndicatorCatalog indicators = IndicatorFixtures.shipped();
    private final InstrumentCatalog instruments = TestInstruments.shippedCatalog();
    private final Instrument instrument = TestInstruments.shipped();
    private final PopulationMargins margins = PopulationMargins.loadDefault(mapper, instrument);
    private final List<SubmissionRecord> pilot = new ArrayList<>();

    private InMemorySubmissionReader submissions;
    private InMemorySnapshotStore store;
    private InMemorySummaryStore summaries;
    private List<String> ageBands;

    @BeforeEach
    void setUp() {
        submissions = new InMemorySubmissionReader();
        store = new InMemorySnapshotStore();
        summaries = new InMemorySummaryStore();
        ageBands = instrument.item("profile_age_band").orElseThrow().choiceOptions().stream().map(o -> o.code()).toList();
        Random random = new Random(7);
        for (LocalDate day = FIRST_DAY; !day.isAfter(LocalDate.of(2026, 11, 22)); day = day.plusDays(1)) {
            for (int i = 0; i < 3; i++) {
                String language = random.nextInt(10) < 4 ? "uk" : random.nextInt(2) == 0 ? "ru" : "en";
                submissions.add(record(random, day, AREAS.get(random.nextInt(AREAS.size())), language));
            }
        }
        // three Lithuanian forms in the whole history: a language group of 1-4 people
        submissions.add(record(random, LocalDate.of(2026, 5, 5), "LT-57", "lt"));
        submissions.add(record(random, LocalDate.of(2026, 6, 5), "LT-57", "lt"));
        submissions.add(record(random, LocalDate.of(2026, 7, 5), "LT-15", "lt"));
    }

    private SubmissionRecord record(Random random, LocalDate day, String municipality, String language) {
        ObjectNode answers = IndicatorFixtures.answers();
        answers.put("profile_municipality", municipality);
        answers.put("profile_gender", random.nextInt(10) < 5 ? "woman" : random.nextInt(10) < 9 ? "man" : "prefer_not_to_say");
        answers.put("profile_age_band", ageBands.get(random.nextInt(ageBands.size())));
        double latent = random.nextGaussian();
        for (Item item : instrument.items()) {
            if (item.type() == ItemType.SCALE && answers.has(item.id())) {
                answers.put(item.id(), (int) Math.max(1, Math.min(5, Math.round(3 + latent + random.nextGaussian() * 0.8))));
            }
        }
        return new SubmissionRecord(instrument.id(), 1, municipality, day, answers, language);
    }

    private SnapshotService service(PilotSubmissionReader pilots) {
        SurveyStatistics statistics = new SurveyStatistics(instruments, pilots,
                Optional.of(new SurveyStatistics.Weighting(instrument.id(), margins, RakingSettings.DEFAULT)));
        return new SnapshotService(indicators, TestInstruments.municipalities().all(), submissions, store, summaries, mapper,
                DisclosureSettings.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC), VILNIUS, FIRST_DAY, Duration.ofMinutes(15),
                MonitoringCells.NONE, statistics);
    }

    private JsonNode file(SnapshotService.Result result, String name) throws IOException {
        String folder = result.manifestKey().substring(0, result.manifestKey().lastIndexOf('/') + 1);
        return mapper.readTree(store.objects.get(folder + name).body());
    }

    @Test
    void qualityMatchesTheScaleStatisticsOfTheClosedQuartersRecomputedFromTheRecords() throws IOException {
        JsonNode quality = file(service(PilotSubmissionReader.NONE).run(true), "quality.json");
        assertThat(quality.get("dataThrough").asText()).isEqualTo("2026-11-21");
        // closed quarters: Q2 and Q3 2026 (Q4 is still open)
        InstrumentScales.Definition information = InstrumentScales.of(instrument).get(0);
        ScaleSums expected = information.empty();
        for (List<SubmissionRecord> day : submissions.byDay.values()) {
            for (SubmissionRecord record : day) {
                if (record.receivedOn().isBefore(LocalDate.of(2026, 10, 1))) {
                    expected = InstrumentScales.add(expected, instrument, record.answers());
                }
            }
        }
        ScaleQuality direct = ScaleQuality.of(expected);
        assertThat(direct.alpha()).as("%s %s", direct.reasons(), expected).isPresent();
        JsonNode version = quality.get("versions").get(0);
        assertThat(version.get("instrument").asText()).isEqualTo("tcn-integration");
        JsonNode scale = version.get("scales").get(0);
        assertThat(scale.get("scale").asText()).isEqualTo(information.sectionId());
        JsonNode all = scale.get("groups").get(0);
        assertThat(all.get("language").asText()).isEqualTo("all");
        assertThat(all.get("alpha").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(direct.alpha().orElseThrow()).setScale(3, RoundingMode.HALF_UP));
        assertThat(all.get("n").asLong()).isEqualTo(Math.round(direct.n() / 5.0) * 5);
        // the 3 Lithuanian forms are withheld, and so is the next smallest language, so that neither can be
        // read off as "all minus the others"
        Map<String, JsonNode> groups = new HashMap<>();
        scale.get("groups").forEach(group -> groups.put(group.get("language").asText(), group));
        assertThat(groups.get("lt").get("withheld").asBoolean()).isTrue();
        assertThat(groups.get("lt").has("alpha")).isFalse();
        long withheldOthers = groups.values().stream()
                .filter(group -> !group.get("language").asText().equals("lt") && !group.get("language").asText().equals("all"))
                .filter(group -> group.get("withheld").asBoolean()).count();
        assertThat(withheldOthers).isEqualTo(1);
        assertThat(quality.get("pilots")).isEmpty();
    }

    @Test
    void weightedSharesMatchAPerRespondentComputationWithTheSameWeights() throws IOException {
        JsonNode weighted = file(service(PilotSubmissionReader.NONE).run(true), "weighted.json");
        assertThat(weighted.get("margins").get("example").asBoolean()).isTrue();
        JsonNode year = null;
        for (JsonNode period : weighted.get("periods")) {
            if (period.get("periodType").asText().equals("year")) {
                year = period;
            }
        }
        assertThat(year).isNotNull();
        assertThat(year.get("raking").get("converged").asBoolean()).isTrue();

        // independently: rake the year's respondents, then weight each respondent's observation
        Map<Stratum, Long> counts = new HashMap<>();
        List<SubmissionRecord> all = new ArrayList<>();
        submissions.byDay.values().forEach(all::addAll);
        for (SubmissionRecord record : all) {
            counts.merge(stratum(record), 1L, Long::sum);
        }
        RakingResult raking = Raking.rake(StratumCounts.of(counts), margins, RakingSettings.DEFAULT);
        int checked = 0;
        for (JsonNode estimate : year.get("estimates")) {
            if (estimate.get("withheld").asBoolean() || !estimate.get("type").asText().equals("share")) {
                continue;
            }
            IndicatorDefinition indicator = indicators.all().stream()
                    .filter(definition -> definition.id().equals(estimate.get("indicator").asText())).findFirst().orElseThrow();
            double weights = 0;
            double weightedYes = 0;
            for (SubmissionRecord record : all) {
                OptionalLong observation = Scoring.observe(indicator, record.answers());
                if (observation.isPresent()) {
                    double w = raking.weight(stratum(record));
                    weights += w;
                    weightedYes += w * observation.getAsLong();
                }
            }
            BigDecimal expected = BigDecimal.valueOf(100 * weightedYes / weights).setScale(1, RoundingMode.HALF_UP);
            assertThat(estimate.get("weighted").get("value").decimalValue()).as(indicator.id()).isEqualByComparingTo(expected);
            assertThat(estimate.get("weighted").get("effectiveN").asDouble()).isLessThanOrEqualTo(estimate.get("unweighted").get("n").asDouble() + 5);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
        // the sample is given per raking category, never finer than the raking's own pooling
        assertThat(year.get("sample")).anySatisfy(share -> assertThat(share.get("dimension").asText()).isEqualTo("profile_gender"));
    }

    @Test
    void theSnapshotHoldsTheMinistrysReportInLithuanianAndEnglishWithItsWeightedFigures() throws IOException {
        SnapshotService.Result result = service(PilotSubmissionReader.NONE).run(true);
        String folder = result.manifestKey().substring(0, result.manifestKey().lastIndexOf('/') + 1);
        JsonNode weighted = file(result, "weighted.json");
        JsonNode manifest = file(result, "manifest.json");
        for (String language : List.of("lt", "en")) {
            String name = "reports/tcn-integration-v1." + language + ".html";
            InMemorySnapshotStore.Stored stored = store.objects.get(folder + name);
            assertThat(stored).as(name).isNotNull();
            assertThat(stored.contentType()).startsWith("text/html");
            String html = new String(stored.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).contains("lang=\"" + language + "\"").contains(result.snapshotId()).contains("report.css");
            assertThat(manifest.get("files")).anySatisfy(entry -> assertThat(entry.get("path").asText()).isEqualTo(name));
        }
        assertThat(store.objects).containsKey(folder + "reports/report.css");
        // the English report quotes a weighted national year figure as published in weighted.json
        for (JsonNode period : weighted.get("periods")) {
            if (period.get("periodType").asText().equals("year")) {
                JsonNode first = null;
                for (JsonNode estimate : period.get("estimates")) {
                    if (!estimate.get("withheld").asBoolean() && first == null) {
                        first = estimate;
                    }
                }
                String html = new String(store.objects.get(folder + "reports/tcn-integration-v1.en.html").body(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(html).contains(first.get("weighted").get("value").decimalValue().toPlainString());
            }
        }
    }

    @Test
    void theShippedMarginsNameTheirInstrumentAndPopulation() {
        PopulationMargins.ForInstrument shipped = PopulationMargins.loadDefault(mapper, instruments);
        assertThat(shipped.instrument().id()).isEqualTo("tcn-integration");
        assertThat(shipped.population()).contains("third-country nationals");
        assertThat(shipped.margins().example()).isTrue();
    }

    @Test
    void aRefreshReusingStoredSummariesPublishesTheSameStatisticsAsAFullRecompute() throws IOException {
        SnapshotService service = service(PilotSubmissionReader.NONE);
        SnapshotService.Result full = service.run(false);
        SnapshotService.Result first = service.run(true);
        SnapshotService.Result reused = service.run(true);
        assertThat(reused.daysReused()).isGreaterThan(200);
        for (String name : List.of("quality.json", "weighted.json")) {
            ObjectNode expected = (ObjectNode) file(full, name);
            ObjectNode actual = (ObjectNode) file(reused, name);
            expected.remove("snapshotId");
            actual.remove("snapshotId");
            assertThat(actual).as(name).isEqualTo(expected);
            ObjectNode middle = (ObjectNode) file(first, name);
            middle.remove("snapshotId");
            assertThat(middle).as(name).isEqualTo(expected);
        }
    }

    private static Stratum stratum(SubmissionRecord record) {
        return Stratum.ofAnswers(record.answers().path("profile_municipality").asText(null),
                record.answers().path("profile_gender").asText(null), record.answers().path("profile_age_band").asText(null));
    }
}
