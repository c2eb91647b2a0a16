package org.integramonitor.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinistryReportCliTest {

    @Test
    void writesTheReportsAndTheStylesheetFromASnapshotFolder(@TempDir Path snapshot) throws Exception {
        for (String file : ReportFixtures.FILES) {
            Files.writeString(snapshot.resolve(file), ReportFixtures.document(file).toString(), StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<Path> written = MinistryReportCli.run(new String[]{snapshot.toString()}, new PrintStream(log, true, StandardCharsets.UTF_8));

        Path reports = snapshot.resolve("reports");
        assertThat(written).containsExactlyInAnyOrder(reports.resolve("tcn-integration-v1.lt.html"),
                reports.resolve("tcn-integration-v1.en.html"), reports.resolve("report.css"));
        String lt = Files.readString(reports.resolve("tcn-integration-v1.lt.html"));
        MinistryReportTest.parse(lt);
        assertThat(lt).contains("<html lang=\"lt\">", ">58,4<");
        // the shipped catalog has no v2: the pilot is reported without an item comparison
        assertThat(lt).contains("Bandomoji versija 2", "nėra klausimynų kataloge");
        assertThat(Files.readString(reports.resolve("report.css"))).isEqualTo(MinistryReport.stylesheet());
    }

    @Test
    void runsWithoutQualityAndWeightedFilesAndHonoursItsOptions(@TempDir Path snapshot, @TempDir Path out) throws Exception {
        Files.writeString(snapshot.resolve("manifest.json"), ReportFixtures.document("manifest.json").toString());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<Path> written = MinistryReportCli.run(new String[]{snapshot.toString(), "--out", out.toString(),
                "--instrument", "tcn-integration", "--language", "en"}, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(written).containsExactly(out.resolve("tcn-integration-v1.en.html"), out.resolve("report.css"));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("quality.json not found", "weighted.json not found");
        assertThat(Files.readString(out.resolve("tcn-integration-v1.en.html"))).contains("holds no weighted figures");
    }

    @Test
    void refusesBadArguments(@TempDir Path empty) {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MinistryReportCli.run(new String[]{}, log)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinistryReportCli.run(new String[]{empty.toString()}, log))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("manifest.json");
        assertThatThrownBy(() -> MinistryReportCli.run(new String[]{empty.toString(), "--version", "x"}, log))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
