package org.integramonitor.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.TestInstruments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.integramonitor.report.ReportFixtures.document;
import static org.integramonitor.report.ReportFixtures.inputs;

class MinistryReportTest {

    private static final String NBSP = "\u00a0";

    private static String render(String language) {
        return MinistryReport.render(inputs(), language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lt", "en"})
    void isWellFormedXhtmlWithTheLanguageOnTheRoot(String language) throws Exception {
        Document page = parse(render(language));
        Element html = page.getDocumentElement();
        assertThat(html.getTagName()).isEqualTo("html");
        assertThat(html.getAttribute("lang")).isEqualTo(language);
        assertThat(texts(page, "title")).isNotEmpty();
    }

    @Test
    void weightedAndUnweightedFiguresAreFormattedInTheLanguage() {
        String lt = render("lt");
        // share: unweighted 61.2 [58.3, 64.0] n 1100; weighted 58.4 SE 1.6 [55.3, 61.5], effective n 640.2, deff 1.72
        assertThat(lt).contains(">61,2<", ">58,3–64,0<", ">1" + NBSP + "100<", ">58,4<", ">55,3–61,5<", ">1,60<",
                ">640<", ">1,72<");
        // mean, 2 decimals: 3.456 and 3.318
        assertThat(lt).contains(">3,46<", ">3,32<", ">3,24–3,40<");
        assertThat(lt).doesNotContain(">58.4<", ">61.2<");

        String en = render("en");
        assertThat(en).contains(">61.2<", ">58.3–64.0<", ">1,100<", ">58.4<", ">55.3–61.5<", ">1.60<", ">640<", ">1.72<",
                ">3.46<", ">3.32<");
        assertThat(en).doesNotContain(">58,4<");
        // alpha with its Feldt interval, and the sample shares
        assertThat(lt).contains(">0,81<", ">0,79–0,83<", ">0,82<", ">0,80–0,84<", ">48,6" + NBSP + "%<");
        assertThat(en).contains(">0.81<", ">0.79–0.83<", ">48.6%<");
    }

    @Test
    void withheldFiguresAreNeverShownAsNumbers() throws Exception {
        // The fixture's withheld rows carry figures (a careless writer might have left them): none may appear.
        for (String language : List.of("lt", "en")) {
            String page = render(language);
            for (String number : List.of("77,7", "77.7", "76,6", "76.6", "71,1", "71.1", "83,3", "83.3", "68,8", "68.8",
                    "84,4", "84.4", "4321", "4" + NBSP + "321", "4,321", "98,8", "98.8", "0,46", "0.46", "0,457", "0.457")) {
                assertThat(page).as(language + " shows " + number).doesNotContain(number);
            }
        }
        Document page = parse(render("lt"));
        List<String> row = rowContaining(page, "Patyrė diskriminaciją");
        assertThat(row).containsExactly("Patyrė diskriminaciją (%)procentai (0–100)", "neskelbiama");
        assertThat(rowStartingWith(page, "rusų")).containsExactly("rusų", "neskelbiama");
        assertThat(String.join("|", rowContaining(parse(render("en")), "Experienced discrimination"))).contains("withheld");
    }

    @Test
    void sayProminentlyWhenThePopulationFiguresAreExamples() {
        String en = render("en");
        assertThat(en).contains("class=\"warning\"", "EXAMPLE POPULATION FIGURES");
        assertThat(en.indexOf("EXAMPLE POPULATION FIGURES")).isLessThan(en.indexOf("<main>"));
        assertThat(render("lt")).contains("PAVYZDINIAI POPULIACIJOS SKAIČIAI");

        ObjectNode official = document("weighted.json");
        ((ObjectNode) official.get("margins")).put("example", false).put("source", "Migration Department, table 12");
        official.get("periods").forEach(period -> ((ObjectNode) period.get("raking")).put("exampleMargins", false));
        String page = MinistryReport.render(inputs(ReportFixtures.withPilot(), document("quality.json"), official), "en");
        assertThat(page).doesNotContain("EXAMPLE POPULATION FIGURES", "class=\"warning\"");
    }

    @Test
    void escapesEveryStringFromTheData() {
        for (String language : List.of("lt", "en")) {
            String page = render(language);
            assertThat(page).doesNotContain("<script", "<b>", "<i>");
            assertThat(page).contains("&lt;script&gt;alert(&#39;" + language + "&#39;)&lt;/script&gt;");
        }
        assertThat(render("en")).contains("&lt;b&gt;LT-57&lt;/b&gt;", "&lt;i&gt;x&lt;/i&gt;");
        assertThat(Html.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    @Test
    void ltAndEnDifferInTheirTexts() {
        String lt = render("lt");
        String en = render("en");
        assertThat(lt).contains("<html lang=\"lt\">", "1 Santrauka", "2 Metodas", "6 Bandomasis tyrimas (pilotas)",
                "Nesvertiniai", "Svertiniai", "Moteris");
        assertThat(en).contains("<html lang=\"en\">", "1 Summary", "2 Method", "6 The pilot", "Unweighted", "Weighted", "Woman");
        assertThat(lt).doesNotContain("1 Summary");
        assertThat(en).doesNotContain("1 Santrauka");
    }

    @Test
    void namesCategoriesAndItemsInTheReportLanguage() {
        String lt = render("lt");
        assertThat(lt).contains("Vilniaus miesto savivaldybė", "Likusi Lietuva", "Žinau, kur rasti informacijos");
        assertThat(render("en")).contains("Rest of Lithuania", "I know where to find information");
    }

    @Test
    void thePilotSectionListsTheItemDifferences() throws Exception {
        Document page = parse(render("en"));
        String pilot = sectionText(page, "pilot");
        assertThat(pilot).contains("Pilot version 2", "Pilot respondents: 87.");
        assertThat(rowContaining(page, "info_app_useful")).containsExactly("Item added", "info_app_useful", "-",
                "The municipality's app is useful to me.");
        assertThat(rowContaining(page, "info_channels").get(0)).isEqualTo("Item removed");
        assertThat(rowContaining(page, "belong_welcome")).containsExactly("Wording changed", "belong_welcome",
                "Local people are welcoming to foreigners.", "People here are welcoming to newcomers.");
        assertThat(rowContaining(page, "health_insured")).contains("Answer options changed", "+ I have applied");
        assertThat(sectionText(parse(render("lt")), "pilot")).contains("Pridėtas klausimas", "Pašalintas klausimas");
    }

    @Test
    void saysSoWhenNoPilotConcernsTheVersion() {
        ObjectNode quality = document("quality.json");
        quality.putArray("pilots");
        String page = MinistryReport.render(inputs(ReportFixtures.withPilot(), quality, document("weighted.json")), "en");
        assertThat(page).contains("No pilot of this instrument concerns version 1");
        assertThat(page).doesNotContain("Item added");
    }

    @Test
    void aPilotPromotedToAPublishedVersionIsComparedWithThePublishedVersionBeforeIt() {
        // v1 published, v2 the pilot (retired once v3 was published), v3 = the pilot published as a new version
        InstrumentCatalog catalog = TestInstruments.catalogOf(TestInstruments.shippedTree(),
                ReportFixtures.pilotTree(2, "retired"), ReportFixtures.pilotTree(3, "published"));
        ReportInputs inputs = new ReportInputs(document("manifest.json"), document("dictionary.json"),
                document("quality.json"), document("weighted.json"), catalog, TestInstruments.INSTRUMENT_ID, 3);
        String page = MinistryReport.render(inputs, "en");
        assertThat(page).contains("Version 2 was the pilot that trialled version 3", "Compared with version 1",
                "info_app_useful", "Version 3 was published with the pilot&#39;s items unchanged.");
        // for v1 the pilot v2 is not its successor's pilot any more: v3 was published in between
        String v1 = MinistryReport.render(new ReportInputs(document("manifest.json"), document("dictionary.json"),
                document("quality.json"), document("weighted.json"), catalog, TestInstruments.INSTRUMENT_ID, 1), "en");
        assertThat(v1).contains("No pilot of this instrument concerns version 1");
    }

    @Test
    void worksUnderAStrictContentSecurityPolicy() {
        for (String language : List.of("lt", "en")) {
            String page = render(language);
            assertThat(page).doesNotContainPattern("\\sstyle=").doesNotContain("<style", "<script", "src=", "@import",
                    "javascript:", "url(");
            assertThat(page).contains("<link rel=\"stylesheet\" href=\"report.css\"/>");
        }
        assertThat(MinistryReport.stylesheet()).contains("@media print", "size: A4", "break-before: page",
                "break-inside: avoid").doesNotContain("url(", "@import");
    }

    @Test
    void isAccessible() throws Exception {
        Document page = parse(render("en"));
        NodeList tables = page.getElementsByTagName("table");
        assertThat(tables.getLength()).isGreaterThan(5);
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            assertThat(table.getElementsByTagName("caption").getLength()).as("table %d has a caption", i).isEqualTo(1);
            assertThat(table.getElementsByTagName("th").getLength()).as("table %d has headers", i).isPositive();
        }
        NodeList charts = page.getElementsByTagName("svg");
        assertThat(charts.getLength()).isGreaterThanOrEqualTo(4);
        for (int i = 0; i < charts.getLength(); i++) {
            Element svg = (Element) charts.item(i);
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            String titleId = svg.getAttribute("aria-labelledby");
            Element title = (Element) svg.getElementsByTagName("title").item(0);
            assertThat(title.getAttribute("id")).isEqualTo(titleId);
            assertThat(title.getTextContent()).isNotBlank();
            // a table of the same figures beside every picture
            Element pair = (Element) svg.getParentNode().getParentNode();
            assertThat(pair.getElementsByTagName("table").getLength()).isEqualTo(1);
        }
        // headings in order: never a skipped level
        Matcher headings = Pattern.compile("<h([1-6])[ >]").matcher(render("en"));
        int previous = 0;
        while (headings.find()) {
            int level = Integer.parseInt(headings.group(1));
            assertThat(level).isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
    }

    @Test
    void theHeaderNamesTheSnapshotAndItsDates() {
        String page = render("en");
        assertThat(page).contains("20261130T120000Z-ab12cd34", "2026-11-30 12:00 UTC", "2026-11-29");
    }

    @Test
    void refusesAVersionTheCatalogDoesNotKnowAndALanguageWithoutTexts() {
        ReportInputs unknown = new ReportInputs(document("manifest.json"), null, null, null, ReportFixtures.withPilot(),
                TestInstruments.INSTRUMENT_ID, 9);
        assertThatThrownBy(() -> MinistryReport.render(unknown, "en")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9");
        assertThatThrownBy(() -> MinistryReport.render(inputs(), "xx")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MinistryReport.languages()).contains("lt", "en");
    }

    @Test
    void aSnapshotWithoutQualityOrWeightedFiguresSaysSo() throws Exception {
        String page = MinistryReport.render(inputs(ReportFixtures.withPilot(), null, null), "en");
        parse(page);
        assertThat(page).contains("holds no weighted figures", "holds no measurement quality figures")
                .doesNotContain("EXAMPLE POPULATION FIGURES");
    }

    @Test
    void everyLanguageHasEveryText() {
        for (String language : ReportTexts.languages()) {
            assertThat(ReportTexts.keys(language)).as(language).containsExactlyInAnyOrderElementsOf(ReportTexts.keys("en"));
        }
        assertThat(ReportTexts.of("lt").get("withheld")).isEqualTo("neskelbiama");
        assertThat(ReportTexts.of("en").get("withheld")).isEqualTo("withheld");
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document page, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = page.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** The cells (th and td texts) of the first table row whose text contains {@code text}. */
    private static List<String> rowContaining(Document page, String text) {
        NodeList rows = page.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            if (row.getTextContent().contains(text)) {
                List<String> cells = new ArrayList<>();
                NodeList children = row.getChildNodes();
                for (int c = 0; c < children.getLength(); c++) {
                    if (children.item(c) instanceof Element cell) {
                        cells.add(cell.getTextContent());
                    }
                }
                return cells;
            }
        }
        throw new AssertionError("no row contains " + text);
    }

    /** The cells of the first table row whose first cell is {@code text}. */
    private static List<String> rowStartingWith(Document page, String text) {
        NodeList rows = page.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            List<String> cells = cells((Element) rows.item(i));
            if (!cells.isEmpty() && cells.get(0).equals(text)) {
                return cells;
            }
        }
        throw new AssertionError("no row starts with " + text);
    }

    private static List<String> cells(Element row) {
        List<String> cells = new ArrayList<>();
        NodeList children = row.getChildNodes();
        for (int c = 0; c < children.getLength(); c++) {
            if (children.item(c) instanceof Element cell) {
                cells.add(cell.getTextContent());
            }
        }
        return cells;
    }

    private static String sectionText(Document page, String id) {
        NodeList sections = page.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element section = (Element) sections.item(i);
            if (id.equals(section.getAttribute("id"))) {
                return section.getTextContent();
            }
        }
        throw new AssertionError("no section " + id);
    }
}
