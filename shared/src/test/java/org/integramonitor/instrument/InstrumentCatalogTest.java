package org.integramonitor.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstrumentCatalogTest {

    private static final String FILE = "tcn-integration/v1.json";
    private static final String RESOURCE = "instruments/" + FILE;

    private final InstrumentCatalog shipped = TestInstruments.shippedCatalog();
    private final MunicipalityRegistry municipalities = TestInstruments.municipalities();

    private static InstrumentCatalog.LoadedFile loaded(String file, String sha256, byte[] bytes, Instrument instrument) {
        return new InstrumentCatalog.LoadedFile("instruments/" + file, new InstrumentCatalog.IndexEntry(file, sha256),
                bytes, instrument);
    }

    private static InstrumentCatalog.LoadedFile shippedFile() {
        byte[] bytes = TestInstruments.shippedBytes();
        return loaded(FILE, InstrumentCatalog.sha256OfText(bytes), bytes,
                TestInstruments.unresolved(TestInstruments.shippedTree()));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // --- the shipped catalog ---

    @Test
    void shippedCatalogServesVersionOneAsLatest() {
        assertThat(shipped.knows("tcn-integration")).isTrue();
        Instrument latest = shipped.latestPublished("tcn-integration").orElseThrow();
        assertThat(latest.id()).isEqualTo("tcn-integration");
        assertThat(latest.version()).isEqualTo(1);
        assertThat(latest.status()).isEqualTo(InstrumentStatus.PUBLISHED);
        assertThat(latest.publishedOn()).isEqualTo("2026-11-16");
        assertThat(shipped.published("tcn-integration", 1)).containsSame(latest);
        assertThat(shipped.allPublished()).extracting(Instrument::id)
                .containsExactly("tcn-integration", "municipal-self-assessment", "training-evaluation");
        assertThat(shipped.allPublished()).first().isSameAs(latest);
    }

    @Test
    void shippedInstrumentHasItsMunicipalityOptionsResolved() {
        Item municipality = shipped.latestPublished("tcn-integration").orElseThrow().municipalityItem().orElseThrow();
        assertThat(municipality.id()).isEqualTo("profile_municipality");
        assertThat(municipality.choiceOptions()).hasSize(60);
        assertThat(municipality.option("LT-57").orElseThrow().label().in("en")).contains("Vilnius City Municipality");
    }

    @Test
    void summariesListEachInstrumentWithItsVersions() {
        // sorted by id
        assertThat(shipped.summaries()).extracting(InstrumentCatalog.Summary::id)
                .containsExactly("municipal-self-assessment", "tcn-integration", "training-evaluation");
        assertThat(shipped.summaries()).allSatisfy(each -> {
            assertThat(each.latestVersion()).isEqualTo(1);
            assertThat(each.title().byLanguage()).containsOnlyKeys("lt", "en", "uk", "ru");
        });
        InstrumentCatalog.Summary summary = shipped.summaries().get(1);
        assertThat(summary.id()).isEqualTo("tcn-integration");
        assertThat(summary.latestVersion()).isEqualTo(1);
        assertThat(summary.versions()).containsExactly(1);
        assertThat(summary.title().in("en")).contains("Integration assessment for third-country nationals");
        assertThat(summary.title().byLanguage()).containsOnlyKeys("lt", "en", "uk", "ru");
    }

    @Test
    void unknownIdOrVersionIsEmpty() {
        assertThat(shipped.knows("no-such-instrument")).isFalse();
        assertThat(shipped.latestPublished("no-such-instrument")).isEmpty();
        assertThat(shipped.published("no-such-instrument", 1)).isEmpty();
        assertThat(shipped.published("tcn-integration", 2)).isEmpty();
        assertThat(shipped.published("tcn-integration", 0)).isEmpty();
        assertThat(shipped.published("tcn-integration", 99)).isEmpty();
    }

    @Test
    void shippedIndexPinsTheShippedFile() throws Exception {
        JsonNode index = new ObjectMapper().readTree(TestInstruments.resourceBytes(InstrumentCatalog.INDEX_RESOURCE));
        JsonNode entry = index.get("instruments").get(0);
        assertThat(entry.get("file").asText()).isEqualTo(FILE);
        assertThat(entry.get("sha256").asText()).isEqualTo(InstrumentCatalog.sha256OfText(TestInstruments.shippedBytes()));
    }

    // --- building a catalog from files ---

    @Test
    void unmodifiedFileIsAccepted() {
        InstrumentCatalog catalog = InstrumentCatalog.of(List.of(shippedFile()), municipalities);
        assertThat(catalog.published("tcn-integration", 1)).isPresent();
    }

    @Test
    void publishedFileWithChangedBytesIsRefused() {
        byte[] original = TestInstruments.shippedBytes();
        String pinned = InstrumentCatalog.sha256OfText(original);
        byte[] edited = new String(original, StandardCharsets.UTF_8)
                .replace("Integration assessment for third-country nationals", "Integration assessment")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(edited).isNotEqualTo(original);
        InstrumentCatalog.LoadedFile file = loaded(FILE, pinned, edited,
                TestInstruments.unresolved(TestInstruments.shippedTree()));

        assertThatThrownBy(() -> InstrumentCatalog.of(List.of(file), municipalities))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.source()).isEqualTo(RESOURCE);
                    assertThat(e.getMessage()).contains("changed after publication");
                    assertThat(e.problems()).singleElement().asString()
                            .contains(pinned).contains(InstrumentCatalog.sha256OfText(edited));
                });
    }

    @Test
    void trailingWhitespaceIsAChangeToo() {
        byte[] original = TestInstruments.shippedBytes();
        byte[] edited = (new String(original, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        InstrumentCatalog.LoadedFile file = loaded(FILE, InstrumentCatalog.sha256OfText(original), edited,
                TestInstruments.unresolved(TestInstruments.shippedTree()));
        assertThatThrownBy(() -> InstrumentCatalog.of(List.of(file), municipalities))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("changed after publication");
    }

    @Test
    void wrongPinnedShaIsRefused() {
        byte[] bytes = TestInstruments.shippedBytes();
        InstrumentCatalog.LoadedFile file = loaded(FILE, "0".repeat(64), bytes,
                TestInstruments.unresolved(TestInstruments.shippedTree()));
        assertThatThrownBy(() -> InstrumentCatalog.of(List.of(file), municipalities))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("changed after publication");
    }

    @Test
    void publishedFileWithoutPinnedShaIsRefused() {
        byte[] bytes = TestInstruments.shippedBytes();
        InstrumentCatalog.LoadedFile file = loaded(FILE, null, bytes,
                TestInstruments.unresolved(TestInstruments.shippedTree()));
        assertThatThrownBy(() -> InstrumentCatalog.of(List.of(file), municipalities))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("has no sha256").contains(InstrumentCatalog.sha256OfText(bytes)));
    }

    @Test
    void crlfCheckoutOfThePublishedFileIsNotAChange() {
        byte[] original = TestInstruments.shippedBytes();
        byte[] crlf = new String(original, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(crlf.length).isGreaterThan(original.length);
        InstrumentCatalog.LoadedFile file = loaded(FILE, InstrumentCatalog.sha256OfText(original), crlf,
                TestInstruments.unresolved(TestInstruments.shippedTree()));
        assertThat(InstrumentCatalog.of(List.of(file), municipalities).published("tcn-integration", 1)).isPresent();
    }

    @Test
    void wrongFileNameIsRefused() {
        byte[] bytes = TestInstruments.shippedBytes();
        InstrumentCatalog.LoadedFile file = loaded("tcn-integration/v2.json", InstrumentCatalog.sha256OfText(bytes), bytes,
                TestInstruments.unresolved(TestInstruments.shippedTree()));
        assertThatThrownBy(() -> InstrumentCatalog.of(List.of(file), municipalities))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.source()).isEqualTo("instruments/tcn-integration/v2.json");
                    assertThat(e.problems()).singleElement().asString()
                            .contains("file name must be tcn-integration/v1.json");
                });
    }

    @Test
    void fileNameMustMatchTheIdToo() {
        byte[] bytes = TestInstruments.shippedBytes();
        InstrumentCatalog.LoadedFile file = loaded("other-survey/v1.json", InstrumentCatalog.sha256OfText(bytes), bytes,
                TestInstruments.unresolved(TestInstruments.shippedTree()));
        assertThatThrownBy(() -> InstrumentCatalog.of(List.of(file), municipalities))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("file name must be tcn-integration/v1.json");
    }

    @Test
    void invalidDefinitionIsRefusedWithItsProblems() {
        ObjectNode tree = TestInstruments.shippedTree();
        TestInstruments.item(tree, "overall_comment").put("required", true);
        tree.put("status", "draft");
        InstrumentCatalog.LoadedFile file = loaded(FILE, null, TestInstruments.shippedBytes(), TestInstruments.unresolved(tree));
        assertThatThrownBy(() -> InstrumentCatalog.of(List.of(file), municipalities))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.problems())
                        .containsExactly("item overall_comment is free text and must not be required"));
    }

    @Test
    void draftIsValidatedButNotServedAndNeedsNoPin() {
        ObjectNode tree = TestInstruments.shippedTree();
        tree.put("status", "draft");
        tree.put("version", 2);
        tree.remove("publishedOn");
        byte[] bytes = tree.toString().getBytes(StandardCharsets.UTF_8);
        InstrumentCatalog catalog = InstrumentCatalog.of(
                List.of(shippedFile(), loaded("tcn-integration/v2.json", null, bytes, TestInstruments.unresolved(tree))),
                municipalities);
        assertThat(catalog.published("tcn-integration", 2)).isEmpty();
        assertThat(catalog.latestPublished("tcn-integration").orElseThrow().version()).isEqualTo(1);
        assertThat(catalog.summaries().get(0).versions()).containsExactly(1);
    }

    @Test
    void latestIsTheHighestPublishedVersionWhateverTheFileOrder() {
        ObjectNode tree = TestInstruments.shippedTree();
        tree.put("version", 2);
        byte[] bytes = tree.toString().getBytes(StandardCharsets.UTF_8);
        InstrumentCatalog.LoadedFile v2 = loaded("tcn-integration/v2.json", InstrumentCatalog.sha256OfText(bytes), bytes,
                TestInstruments.unresolved(tree));
        InstrumentCatalog catalog = InstrumentCatalog.of(List.of(v2, shippedFile()), municipalities);
        assertThat(catalog.latestPublished("tcn-integration").orElseThrow().version()).isEqualTo(2);
        assertThat(catalog.published("tcn-integration", 1).orElseThrow().version()).isEqualTo(1);
        assertThat(catalog.summaries()).singleElement().satisfies(summary -> {
            assertThat(summary.latestVersion()).isEqualTo(2);
            assertThat(summary.versions()).containsExactly(1, 2);
        });
    }

    @Test
    void sameVersionListedTwiceIsRefused() {
        assertThatThrownBy(() -> InstrumentCatalog.of(List.of(shippedFile(), shippedFile()), municipalities))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("listed twice");
    }

    // --- hashing ---

    @Test
    void sha256OfTextNormalisesCrlf() throws Exception {
        String lf = InstrumentCatalog.sha256OfText("a\nb".getBytes(StandardCharsets.UTF_8));
        assertThat(InstrumentCatalog.sha256OfText("a\r\nb".getBytes(StandardCharsets.UTF_8))).isEqualTo(lf);
        assertThat(lf).isEqualTo(sha256("a\nb"));
        assertThat(InstrumentCatalog.sha256OfText("a\nb\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(InstrumentCatalog.sha256OfText("a\r\nb\r\n".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(lf);
    }

    @Test
    void sha256OfTextIsLowerCaseHexOfTheContent() throws Exception {
        assertThat(InstrumentCatalog.sha256OfText(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(InstrumentCatalog.sha256OfText("ab".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(sha256("ab"))
                .isNotEqualTo(InstrumentCatalog.sha256OfText("a b".getBytes(StandardCharsets.UTF_8)));
    }
}
