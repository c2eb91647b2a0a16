package org.integramonitor.municipality;

import org.integramonitor.instrument.LocalizedText;

/** A Lithuanian municipality, identified by its ISO 3166-2:LT code (LT-01 .. LT-60). */
public record Municipality(String code, LocalizedText name) {
}
