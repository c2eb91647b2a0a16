package org.integramonitor.instrument;

public record YesNoLabels(LocalizedText yes, LocalizedText no) {
}
