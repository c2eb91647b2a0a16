package org.integramonitor.municipality;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integramonitor.instrument.DefinitionException;
import org.integramonitor.instrument.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MunicipalityRegistryTest {

    private static final List<String> LANGUAGES = List.of("lt", "en", "uk", "ru");

    private static final MunicipalityRegistry SHIPPED = MunicipalityRegistry.loadDefault(new ObjectMapper(), LANGUAGES);

    private static Municipality municipality(String code, String... namesByLanguage) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < namesByLanguage.length; i += 2) {
            names.put(namesByLanguage[i], namesByLanguage[i + 1]);
        }
        return new Municipality(code, new LocalizedText(names));
    }

    private static Municipality complete(String code) {
        return municipality(code, "lt", "Savivaldybė " + code, "en", "Municipality " + code,
                "uk", "Самоврядування " + code, "ru", "Самоуправление " + code);
    }

    private static List<String> problemsOf(List<Municipality> municipalities) {
        try {
            MunicipalityRegistry.of("test-list", 1, municipalities, LANGUAGES);
        } catch (DefinitionException e) {
            assertThat(e.source()).isEqualTo("test-list");
            return e.problems();
        }
        return List.of();
    }

    @Test
    void shippedListHasSixtyMunicipalitiesInCodeOrder() {
        List<String> expected = IntStream.rangeClosed(1, 60).mapToObj(n -> String.format("LT-%02d", n)).toList();
        assertThat(SHIPPED.all()).extracting(Municipality::code).containsExactlyElementsOf(expected);
        assertThat(SHIPPED.listVersion()).isEqualTo(1);
    }

    @Test
    void vilniusCityIsLt57() {
        LocalizedText name = SHIPPED.byCode("LT-57").orElseThrow().name();
        assertThat(name.in("lt")).hasValueSatisfying(lt -> assertThat(lt).contains("Vilniaus miesto"));
        assertThat(name.in("en")).contains("Vilnius City Municipality");
        assertThat(SHIPPED.byCode("LT-58").orElseThrow().name().in("lt"))
                .hasValueSatisfying(lt -> assertThat(lt).contains("Vilniaus rajono"));
    }

    @Test
    void klaipedaCityIsLt20() {
        LocalizedText name = SHIPPED.byCode("LT-20").orElseThrow().name();
        assertThat(name.in("lt")).hasValueSatisfying(lt -> assertThat(lt).contains("Klaipėdos miesto"));
        assertThat(name.in("en")).contains("Klaipėda City Municipality");
    }

    @Test
    void everyShippedNameIsGivenInEveryLanguageAndIsUnique() {
        for (String language : LANGUAGES) {
            Set<String> names = new HashSet<>();
            for (Municipality municipality : SHIPPED.all()) {
                String name = municipality.name().in(language).orElseThrow(() ->
                        new AssertionError(municipality.code() + " has no name in " + language));
                assertThat(names.add(name)).as("%s name of %s is unique", language, municipality.code()).isTrue();
            }
        }
    }

    @Test
    void unknownCodeIsEmpty() {
        assertThat(SHIPPED.byCode("LT-61")).isEmpty();
        assertThat(SHIPPED.byCode("lt-57")).isEmpty();
        assertThat(SHIPPED.byCode("LT-00")).isEmpty();
    }

    @Test
    void shippedListLackingARequestedLanguageIsRefused() {
        assertThatThrownBy(() -> MunicipalityRegistry.loadDefault(new ObjectMapper(), List.of("lt", "de")))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.source()).isEqualTo(MunicipalityRegistry.DEFAULT_RESOURCE);
                    assertThat(e.problems()).hasSize(60).contains("municipality LT-01 has no name in 'de'");
                });
    }

    @Test
    void validListIsAccepted() {
        MunicipalityRegistry registry = MunicipalityRegistry.of("test-list", 3, List.of(complete("LT-01"), complete("LT-02")),
                LANGUAGES);
        assertThat(registry.listVersion()).isEqualTo(3);
        assertThat(registry.all()).extracting(Municipality::code).containsExactly("LT-01", "LT-02");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LT-1", "LT-001", "lt-01", "LT01", "LV-01", "LT-AB", " LT-01", ""})
    void badCodeIsRefused(String code) {
        assertThat(problemsOf(List.of(complete("LT-01"), complete(code))))
                .containsExactly("municipality code '" + code + "' is not of the form LT-nn");
    }

    @Test
    void missingCodeIsRefused() {
        assertThat(problemsOf(List.of(complete("LT-01"), complete(null))))
                .containsExactly("municipality code 'null' is not of the form LT-nn");
    }

    @Test
    void duplicateCodeIsRefused() {
        assertThat(problemsOf(List.of(complete("LT-01"), complete("LT-02"), complete("LT-01"))))
                .containsExactly("municipality code LT-01 appears twice");
    }

    @Test
    void missingLanguageIsRefused() {
        Municipality noRussian = municipality("LT-02", "lt", "Alytaus miesto savivaldybė", "en", "Alytus City Municipality",
                "uk", "Алітуське міське самоврядування");
        assertThat(problemsOf(List.of(complete("LT-01"), noRussian)))
                .containsExactly("municipality LT-02 has no name in 'ru'");
    }

    @Test
    void blankNameCountsAsMissing() {
        Municipality blankEnglish = municipality("LT-02", "lt", "Alytaus miesto savivaldybė", "en", " ",
                "uk", "Алітуське міське самоврядування", "ru", "Алитусское городское самоуправление");
        assertThat(problemsOf(List.of(blankEnglish))).containsExactly("municipality LT-02 has no name in 'en'");
    }

    @Test
    void missingNameIsRefusedInEveryLanguage() {
        assertThat(problemsOf(List.of(new Municipality("LT-01", null))))
                .containsExactly("municipality LT-01 has no name in 'lt'", "municipality LT-01 has no name in 'en'",
                        "municipality LT-01 has no name in 'uk'", "municipality LT-01 has no name in 'ru'");
    }

    @Test
    void emptyListIsRefused() {
        assertThat(problemsOf(List.of())).containsExactly("the list is empty");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<Municipality> list = new ArrayList<>(List.of(complete("LT-01"), complete("LT-01"), complete("LT-7"),
                municipality("LT-03", "lt", "Alytaus rajono savivaldybė")));
        assertThat(problemsOf(list)).containsExactlyInAnyOrder(
                "municipality code LT-01 appears twice",
                "municipality code 'LT-7' is not of the form LT-nn",
                "municipality LT-03 has no name in 'en'",
                "municipality LT-03 has no name in 'uk'",
                "municipality LT-03 has no name in 'ru'");
    }
}
