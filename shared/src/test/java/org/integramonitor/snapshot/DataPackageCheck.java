package org.integramonitor.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a data package the way a Table Schema tool would and checks every CSV it describes against it: the
 * header is exactly the schema's fields in order, every value parses as its field's type (missing values
 * as declared), meets its constraints (required, enum, pattern, minimum), and the primary key is unique.
 */
final class DataPackageCheck {

    private DataPackageCheck() {
    }

    /** @return the number of rows checked, per resource path */
    static java.util.Map<String, Integer> check(JsonNode dataPackage, Function<String, byte[]> file) {
        assertThat(dataPackage.path("profile").asText()).isEqualTo("tabular-data-package");
        assertThat(dataPackage.path("name").asText()).matches("[a-z0-9._/-]+");
        assertThat(dataPackage.path("licenses").size()).isPositive();
        assertThat(dataPackage.path("resources").size()).isPositive();
        java.util.Map<String, Integer> rows = new java.util.LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (JsonNode resource : dataPackage.path("resources")) {
            assertThat(names.add(resource.path("name").asText())).as("resource names are unique").isTrue();
            assertThat(resource.path("name").asText()).matches("[a-z0-9._/-]+");
            String path = resource.path("path").asText();
            assertThat(resource.path("encoding").asText()).isEqualTo("utf-8");
            byte[] body = file.apply(path);
            rows.put(path, checkCsv(path, body, resource.path("schema")));
        }
        return rows;
    }

    static int checkCsv(String path, byte[] body, JsonNode schema) {
        assertThat(body.length).as(path).isGreaterThan(3);
        assertThat(new byte[] {body[0], body[1], body[2]}).as("%s starts without a byte order mark", path)
                .isNotEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        List<String> fieldNames = new ArrayList<>();
        schema.path("fields").forEach(field -> fieldNames.add(field.path("name").asText()));
        Set<String> missing = new HashSet<>();
        schema.path("missingValues").forEach(value -> missing.add(value.asText()));
        List<String> key = new ArrayList<>();
        schema.path("primaryKey").forEach(name -> key.add(name.asText()));
        assertThat(fieldNames).as(path).containsAll(key);
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVParser.parse(new String(body, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(header).as("%s: every column described, in order", path).isEqualTo(fieldNames);
        Set<List<String>> keys = new HashSet<>();
        for (CSVRecord record : records) {
            assertThat(record.size()).as("%s line %d", path, record.getRecordNumber()).isEqualTo(fieldNames.size());
            for (JsonNode field : schema.path("fields")) {
                String name = field.path("name").asText();
                String value = record.get(name);
                String where = path + " line " + (record.getRecordNumber() + 1) + " " + name + "=" + value;
                JsonNode constraints = field.path("constraints");
                if (missing.contains(value)) {
                    assertThat(constraints.path("required").asBoolean()).as("%s: required", where).isFalse();
                    continue;
                }
                switch (field.path("type").asText()) {
                    case "string" -> {
                    }
                    case "integer" -> {
                        assertThat(value).as(where).matches("-?[0-9]+");
                        if (constraints.has("minimum")) {
                            assertThat(Long.parseLong(value)).as(where).isGreaterThanOrEqualTo(constraints.path("minimum").asLong());
                        }
                    }
                    case "number" -> assertThat(value).as(where).matches("-?[0-9]+(\\.[0-9]+)?")
                            .satisfies(text -> new BigDecimal(text));
                    case "boolean" -> {
                        Set<String> allowed = new HashSet<>();
                        field.path("trueValues").forEach(v -> allowed.add(v.asText()));
                        field.path("falseValues").forEach(v -> allowed.add(v.asText()));
                        assertThat(allowed).as(where).isNotEmpty().contains(value);
                    }
                    default -> throw new AssertionError("unexpected type in " + where + ": " + field.path("type"));
                }
                if (constraints.has("enum")) {
                    List<String> values = new ArrayList<>();
                    constraints.path("enum").forEach(v -> values.add(v.asText()));
                    assertThat(values).as(where).contains(value);
                }
                if (constraints.has("pattern")) {
                    assertThat(Pattern.compile(constraints.path("pattern").asText()).matcher(value).matches()).as(where).isTrue();
                }
            }
            List<String> keyValues = key.stream().map(record::get).toList();
            assertThat(keys.add(keyValues)).as("%s: primary key %s unique", path, keyValues).isTrue();
        }
        return records.size();
    }
}
