package org.integramonitor.instrument;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.municipality.MunicipalityRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle rules of docs/instruments.md: draft, pilot, published, retired. */
class InstrumentLifecycleTest {

    private static final String ID = "tcn-integration";
    private final MunicipalityRegistry municipalities = TestInstruments.municipalities();

    /** Version {@code version} of the shipped instrument with {@code status}; pinned when {@code pinned}. */
    private static InstrumentCatalog.LoadedFile version(int version, String status, boolean pinned) {
        ObjectNode tree = TestInstruments.shippedTree();
        tree.put("version", version);
        tree.put("status", status);
        byte[] bytes = tree.toString().getBytes(StandardCharsets.UTF_8);
        String file = ID + "/v" + version + ".json";
        return new InstrumentCatalog.LoadedFile("instruments/" + file,
                new InstrumentCatalog.IndexEntry(file, pinned ? InstrumentCatalog.sha256OfText(bytes) : null), bytes,
                TestInstruments.unresolved(tree));
    }

    private InstrumentCatalog catalog(InstrumentCatalog.LoadedFile... files) {
        return InstrumentCatalog.of(new ArrayList<>(List.of(files)), municipalities);
    }

    @Test
    void everyStatusIsReadFromItsCode() {
        assertThat(List.of("draft", "pilot", "published", "retired")).map(InstrumentStatus::fromCode)
                .containsExactly(InstrumentStatus.DRAFT, InstrumentStatus.PILOT, InstrumentStatus.PUBLISHED,
                        InstrumentStatus.RETIRED);
    }

    @Test
    void aPilotIsServedAtItsVersionButIsNeverLatestNorListedNorCounted() {
        InstrumentCatalog catalog = catalog(version(1, "published", true), version(2, "pilot", true));
        assertThat(catalog.served(ID, 2)).hasValueSatisfying(v -> assertThat(v.status()).isEqualTo(InstrumentStatus.PILOT));
        assertThat(catalog.published(ID, 2)).isEmpty();
        assertThat(catalog.latestPublished(ID).orElseThrow().version()).isEqualTo(1);
        assertThat(catalog.summaries()).singleElement().satisfies(summary -> {
            assertThat(summary.latestVersion()).isEqualTo(1);
            assertThat(summary.versions()).containsExactly(1);
        });
        assertThat(catalog.allPublished()).map(Instrument::version).containsExactly(1);
    }

    @Test
    void aDraftIsNotServedAtAll() {
        InstrumentCatalog catalog = catalog(version(1, "published", true), version(2, "draft", false));
        assertThat(catalog.served(ID, 2)).isEmpty();
        assertThat(catalog.published(ID, 2)).isEmpty();
    }

    @Test
    void aRetiredVersionIsServedAndStillCountedButIsNeverLatest() {
        InstrumentCatalog catalog = catalog(version(1, "retired", true), version(2, "published", true),
                version(3, "retired", true));
        assertThat(catalog.latestPublished(ID).orElseThrow().version()).isEqualTo(2);
        assertThat(catalog.served(ID, 1).orElseThrow().status()).isEqualTo(InstrumentStatus.RETIRED);
        assertThat(catalog.published(ID, 1)).isPresent();
        assertThat(catalog.allPublished()).map(Instrument::version).containsExactly(1, 2, 3);
        assertThat(catalog.summaries()).singleElement().satisfies(summary -> assertThat(summary.versions()).containsExactly(2));
    }

    @Test
    void anInstrumentWhoseVersionsAreAllRetiredIsKnownButHasNoLatest() {
        InstrumentCatalog catalog = catalog(version(1, "retired", true));
        assertThat(catalog.knows(ID)).isTrue();
        assertThat(catalog.latestPublished(ID)).isEmpty();
        assertThat(catalog.summaries()).isEmpty();
    }

    @Test
    void aRetiredVersionMustHaveBeenServedBefore() {
        assertThatThrownBy(() -> catalog(version(1, "published", true), version(2, "retired", false)))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("a retired version must have been served (pilot or published) before"));
    }

    @Test
    void aPilotMustBePinned() {
        assertThatThrownBy(() -> catalog(version(1, "published", true), version(2, "pilot", false)))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("pilot version has no sha256"));
    }

    @Test
    void aPilotBelowAPublishedVersionMustBeRetired() {
        assertThatThrownBy(() -> catalog(version(1, "published", true), version(2, "pilot", true),
                version(3, "published", true)))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("pilot version 2 is below version 3, which has been published"));
        // the promotion as docs/instruments.md describes it: v3 published, the pilot retired
        InstrumentCatalog promoted = catalog(version(1, "published", true), version(2, "retired", true),
                version(3, "published", true));
        assertThat(promoted.latestPublished(ID).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void aServedVersionNeedsPublishedOn() {
        ObjectNode tree = TestInstruments.shippedTree();
        tree.put("status", "pilot");
        tree.remove("publishedOn");
        assertThat(InstrumentDefinitionValidator.problemsOf(TestInstruments.unresolved(tree)))
                .contains("a pilot version needs publishedOn as a date (YYYY-MM-DD): the day it was first served");
        tree.put("status", "draft");
        assertThat(InstrumentDefinitionValidator.problemsOf(TestInstruments.unresolved(tree)))
                .noneMatch(problem -> problem.contains("publishedOn"));
    }

    @Test
    void anUnknownStatusIsRefused() {
        assertThatThrownBy(() -> InstrumentStatus.fromCode("archived")).isInstanceOf(IllegalArgumentException.class);
    }
}
