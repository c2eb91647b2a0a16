package org.integramonitor.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One answer option of a single- or multiple-choice item. {@code exclusive} options ("none") stand alone. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ChoiceOption(String code, LocalizedText label, boolean exclusive) {
}
