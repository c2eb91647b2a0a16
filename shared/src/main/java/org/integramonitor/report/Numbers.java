package org.integramonitor.report;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the report's language writes them: Lithuanian with a decimal comma and a (no-break) space between
 * thousands, English with a decimal point and a comma. Fixed symbols rather than the JDK's locale data, so the
 * output does not change with the JDK.
 */
final class Numbers {

    private static final char NO_BREAK_SPACE = '\u00a0';
    private final char decimal;
    private final char grouping;
    private final boolean spaceBeforePercent;

    private Numbers(char decimal, char grouping, boolean spaceBeforePercent) {
        this.decimal = decimal;
        this.grouping = grouping;
        this.spaceBeforePercent = spaceBeforePercent;
    }

    static Numbers of(String language) {
        return switch (language) {
            case "en" -> new Numbers('.', ',', false);
            // lt, uk, ru: decimal comma, space-grouped thousands, "12,5 %"
            default -> new Numbers(',', NO_BREAK_SPACE, true);
        };
    }

    String number(double value, int decimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(decimal);
        symbols.setGroupingSeparator(grouping);
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        String text = format.format(value);
        return text.matches("-0([.,]0*)?") ? text.substring(1) : text;
    }

    String integer(long value) {
        return number(value, 0);
    }

    /** A share 0-1 as a percentage: 0.486 is "48.6%" / "48,6 %". */
    String percentOfShare(double share, int decimals) {
        return percent(share * 100, decimals);
    }

    /** A value already in percent. */
    String percent(double value, int decimals) {
        return number(value, decimals) + (spaceBeforePercent ? NO_BREAK_SPACE + "%" : "%");
    }

    /** An interval as "lower–upper". */
    String interval(double lower, double upper, int decimals) {
        return number(lower, decimals) + "\u2013" + number(upper, decimals);
    }

    /** Small numbers such as a relative error: "1.0e-11" / "1,0e-11". */
    String scientific(double value) {
        if (value == 0) {
            return number(0, 0);
        }
        return String.format(Locale.ROOT, "%.1e", value).replace('.', decimal).replace("e-0", "e-").replace("e+0", "e+");
    }
}
