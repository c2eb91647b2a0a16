package org.integramonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.integramonitor.instrument.InstrumentCatalog;

import java.util.Objects;

/**
 * What a ministry report is made of: the documents of one snapshot as read (manifest.json, dictionary.json,
 * quality.json, weighted.json), the instrument definitions, and which instrument version the report is for.
 * A snapshot without quality.json or weighted.json may pass null: the report then says those figures are not in
 * the snapshot.
 */
public record ReportInputs(JsonNode manifest, JsonNode dictionary, JsonNode quality, JsonNode weighted,
                           InstrumentCatalog instruments, String instrument, int version) {

    public ReportInputs {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(instruments, "instruments");
        Objects.requireNonNull(instrument, "instrument");
        dictionary = dictionary == null ? MissingNode.getInstance() : dictionary;
        quality = quality == null ? MissingNode.getInstance() : quality;
        weighted = weighted == null ? MissingNode.getInstance() : weighted;
    }
}
