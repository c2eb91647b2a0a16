package org.integramonitor.snapshot;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of every snapshot CSV, in order, with the JSON field of the same value: snake_case in CSV,
 * camelCase in JSON. One list for the writer (header and values), the data package (Table Schema) and the
 * data dictionary, so the three cannot drift apart.
 *
 * @param csv         column name in the CSV files
 * @param json        field name in the JSON files ({@link PublishedCell}); absent when empty
 * @param type        Table Schema type: string, number, integer, boolean
 * @param required    never empty
 * @param description what the value is
 */
public record SnapshotColumns(String csv, String json, String type, boolean required, String description,
                             Function<PublishedCell, Object> value) {

    public static final List<SnapshotColumns> ALL = List.of(
            new SnapshotColumns("indicator", "indicator", "string", true,
                    "Indicator id (dictionary.json, indicators[].id).", PublishedCell::indicator),
            new SnapshotColumns("area", "area", "string", true,
                    "ISO 3166-2:LT code of the municipality (LT-01 to LT-60), or LT for Lithuania as a whole.",
                    PublishedCell::area),
            new SnapshotColumns("period_type", "periodType", "string", true,
                    "month, quarter or year (calendar periods, Vilnius time; survey answers by date of receipt).",
                    PublishedCell::periodType),
            new SnapshotColumns("period", "period", "string", true,
                    "The period: YYYY-MM (month), YYYY-Qn (quarter) or YYYY (year); first and last day in dictionary.json periods[].",
                    PublishedCell::period),
            new SnapshotColumns("status", "status", "string", true,
                    "published: the figures are given; withheld: held back by disclosure control, every figure empty; "
                            + "no_responses: nobody in the area and period (n is 0), every other figure empty.",
                    PublishedCell::status),
            new SnapshotColumns("value", "value", "number", false,
                    "The indicator's value in its unit (dictionary.json indicators[].unit): percent 0-100 to one decimal, "
                            + "mean 1-5 to two decimals, index 0-100 to one decimal, counts and sums whole. Empty unless published.",
                    cell -> text(cell.value())),
            new SnapshotColumns("n", "n", "integer", false,
                    "Survey: respondents in the denominator, rounded to the nearest multiple of the rounding base "
                            + "(manifest.json disclosureSettings.rounding). Monitoring: the number of reports, exact. "
                            + "0 when no_responses; empty when withheld.",
                    PublishedCell::n),
            new SnapshotColumns("numerator", "numerator", "integer", false,
                    "Percentages only: respondents with a counted answer, rounded like n. Empty otherwise.",
                    PublishedCell::numerator),
            new SnapshotColumns("ci_low", "ciLow", "number", false,
                    "Lower end of the 95% confidence interval (Wilson for percentages, Student's t for means and indices); "
                            + "empty for monitoring figures and when fewer than two respondents.",
                    cell -> text(cell.ciLow())),
            new SnapshotColumns("ci_high", "ciHigh", "number", false,
                    "Upper end of the 95% confidence interval, as ci_low.", cell -> text(cell.ciHigh())),
            new SnapshotColumns("low_reliability", "lowReliability", "boolean", false,
                    "Survey figures: true when fewer respondents than disclosureSettings.lowReliabilityBelow (manifest.json) "
                            + "stand behind the figure; read with care. Empty for monitoring figures and unless published.",
                    PublishedCell::lowReliability),
            new SnapshotColumns("previous_value", "previousValue", "number", false,
                    "The value of the previous period of the same type (month, quarter, year before), when that was published.",
                    cell -> text(cell.previousValue())),
            new SnapshotColumns("change", "change", "number", false,
                    "value - previous_value, when both are given.", cell -> text(cell.change())),
            new SnapshotColumns("suppressed", "suppressed", "boolean", true,
                    "true exactly when status is withheld (for readers who filter on a boolean).", PublishedCell::suppressed));

    public static String[] header() {
        return ALL.stream().map(SnapshotColumns::csv).toArray(String[]::new);
    }

    public static Object[] row(PublishedCell cell) {
        return ALL.stream().map(column -> column.value().apply(cell)).toArray();
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
