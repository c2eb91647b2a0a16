package org.integramonitor.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report for the ministry on one instrument version, generated from a snapshot (issue 13, item 6): method,
 * sample against the population margins, measurement quality, key indicators weighted and unweighted with their
 * intervals, and what the pilot changed. One HTML page per language that prints on A4 and works under the
 * snapshot's strict CSP: no scripts, no inline styles, only {@link #STYLESHEET} linked relatively; pictures are
 * inline SVG (presentation attributes only), each with a table of the same figures. Every string from the data is
 * escaped. Pure Java: the snapshot writer and {@link MinistryReportCli} both call it. docs/report.md.
 */
public final class MinistryReport {

    /** The stylesheet's file name, linked relatively from every report (stored beside them). */
    public static final String STYLESHEET = "report.css";
    static final String STYLESHEET_RESOURCE = "report/report.css";

    private MinistryReport() {
    }

    /** The report in {@code language} (one of {@link #languages()}). */
    public static String render(ReportInputs inputs, String language) {
        return new ReportRenderer(inputs, language).render();
    }

    /** The languages a report can be written in (lt and en at least). */
    public static List<String> languages() {
        return List.copyOf(ReportTexts.languages());
    }

    /** {@code {instrument}-v{version}.{language}.html}: the file name of a report in a snapshot's reports/ folder. */
    public static String fileName(String instrument, int version, String language) {
        return instrument + "-v" + version + "." + language + ".html";
    }

    /** The CSS that {@link #STYLESHEET} must serve. */
    public static String stylesheet() {
        try (InputStream in = MinistryReport.class.getClassLoader().getResourceAsStream(STYLESHEET_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(STYLESHEET_RESOURCE + " not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STYLESHEET_RESOURCE, e);
        }
    }
}
