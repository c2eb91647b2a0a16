package org.integramonitor.local.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.aggregation.SubmissionReader;
import org.integramonitor.aggregation.SubmissionRecord;
import org.integramonitor.instrument.AnswerCodes;
import org.integramonitor.instrument.ChoiceOption;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.Item;
import org.integramonitor.instrument.ItemType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Synthetic but realistic submissions, generated day by day on demand (so a million of them need no
 * memory): municipalities drawn in proportion to approximate foreign-resident numbers (most in the three
 * big cities), answers with plausible skews and a per-municipality "climate", skip logic respected
 * because items are answered in order and each condition is checked against the answers so far.
 * Deterministic for a given seed and day.
 */
public final class SyntheticSubmissions implements SubmissionReader {

    /**
     * Approximate shares of foreign residents (order of magnitude of public statistics for 2024-2025:
     * Vilnius city about half, then Kaunas and Klaipeda cities); the rest is spread over the others.
     * Replace with official figures when they matter.
     */
    private static final Map<String, Double> LARGE = Map.of(
            "LT-57", 0.50, "LT-15", 0.11, "LT-20", 0.08, "LT-58", 0.04, "LT-16", 0.03,
            "LT-43", 0.02, "LT-32", 0.015, "LT-21", 0.015, "LT-59", 0.01, "LT-02", 0.008);

    private final Instrument instrument;
    private final long seed;
    private final long total;
    private final LocalDate firstDay;
    private final int days;
    private final Map<LocalDate, Integer> extra = new TreeMap<>();
    private final List<String> municipalityCodes = new ArrayList<>();
    private final double[] cumulative;

    public SyntheticSubmissions(Instrument instrument, long seed, long total, LocalDate firstDay, int days) {
        this.instrument = instrument;
        this.seed = seed;
        this.total = total;
        this.firstDay = firstDay;
        this.days = days;
        Item municipalityItem = instrument.municipalityItem().orElseThrow();
        List<ChoiceOption> options = municipalityItem.choiceOptions();
        double largeShare = LARGE.values().stream().mapToDouble(Double::doubleValue).sum();
        double smallShare = (1 - largeShare) / (options.size() - LARGE.size());
        cumulative = new double[options.size()];
        double running = 0;
        for (int i = 0; i < options.size(); i++) {
            municipalityCodes.add(options.get(i).code());
            running += LARGE.getOrDefault(options.get(i).code(), smallShare);
            cumulative[i] = running;
        }
    }

    /** Adds submissions on one day (e.g. today's new arrivals for the incremental benchmark). */
    public void addExtra(LocalDate day, int count) {
        extra.merge(day, count, Integer::sum);
    }

    public long countOn(LocalDate day) {
        long index = day.toEpochDay() - firstDay.toEpochDay();
        if (index < 0 || index >= days) {
            return extra.getOrDefault(day, 0);
        }
        return total / days + (index < total % days ? 1 : 0) + extra.getOrDefault(day, 0);
    }

    @Override
    public void forEachReceivedOn(LocalDate day, Consumer<SubmissionRecord> consumer) {
        // java.util.Random's first draws from consecutive seeds are correlated: mix the day into the seed first
        Random random = new Random(mix(seed * 31 + day.toEpochDay()));
        long count = countOn(day);
        for (long i = 0; i < count; i++) {
            consumer.accept(next(random, day));
        }
    }

    /** SplitMix64's finaliser: spreads nearby seeds over the whole range. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    SubmissionRecord next(Random random, LocalDate day) {
        String municipality = municipalityCodes.get(pick(random));
        // a municipality's climate shifts its scale answers a little up or down
        double climate = (new Random(municipality.hashCode()).nextDouble() - 0.5) * 0.8;
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        // one trait per respondent and section: a section's scale items measure one thing, as a real scale does
        Map<String, Double> traits = new java.util.HashMap<>();
        Map<String, String> sectionOfItem = new java.util.HashMap<>();
        instrument.sections().forEach(section -> section.items().forEach(item -> sectionOfItem.put(item.id(), section.id())));
        for (Item item : instrument.items()) {
            if (item.condition().map(condition -> !condition.isMetBy(answers.get(condition.item()))).orElse(false)) {
                continue;
            }
            if (item.optionList() != null) {
                answers.put(item.id(), municipality);
                continue;
            }
            switch (item.type()) {
                case SCALE -> {
                    if (random.nextDouble() < 0.08 && instrument.scale(item.scale()).orElseThrow().allowsNotApplicable()) {
                        answers.put(item.id(), AnswerCodes.NOT_APPLICABLE);
                    } else {
                        double trait = traits.computeIfAbsent(sectionOfItem.get(item.id()), section -> random.nextGaussian() * 0.9);
                        double latent = 3.3 + climate + trait + random.nextGaussian() * 0.7;
                        answers.put(item.id(), (int) Math.max(1, Math.min(5, Math.round(latent))));
                    }
                }
                case YES_NO -> answers.put(item.id(), random.nextDouble() < 0.35 + climate * 0.2);
                case SINGLE -> {
                    // earlier options somewhat more likely
                    List<ChoiceOption> options = item.choiceOptions();
                    int index = (int) Math.min(options.size() - 1, Math.floor(Math.abs(random.nextGaussian()) * options.size() / 2.5));
                    answers.put(item.id(), options.get(index).code());
                }
                case MULTIPLE -> answers.set(item.id(), multiple(item, random));
                case TEXT -> {
                    // free text is stored apart and never read by aggregation
                }
            }
        }
        // form languages roughly as TCN residents would choose them (Ukrainian and Russian most)
        double draw = random.nextDouble();
        String language = draw < 0.35 ? "uk" : draw < 0.7 ? "ru" : draw < 0.9 ? "en" : "lt";
        return new SubmissionRecord(instrument.id(), instrument.version(), municipality, day, answers, language);
    }

    private ArrayNode multiple(Item item, Random random) {
        List<ChoiceOption> options = new ArrayList<>(item.choiceOptions());
        ArrayNode selected = JsonNodeFactory.instance.arrayNode();
        ChoiceOption exclusive = options.stream().filter(ChoiceOption::exclusive).findFirst().orElse(null);
        if (exclusive != null && random.nextDouble() < 0.3) {
            return selected.add(exclusive.code());
        }
        options.removeIf(ChoiceOption::exclusive);
        Collections.shuffle(options, random);
        int count = Math.max(item.minSelected(), Math.min(item.maxSelected(), 1 + random.nextInt(3)));
        options.stream().limit(count).map(ChoiceOption::code).sorted().forEach(selected::add);
        return selected;
    }

    private int pick(Random random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
