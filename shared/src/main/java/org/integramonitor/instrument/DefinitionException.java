package org.integramonitor.instrument;

import java.util.List;

/** A data file (instrument, municipality list, ...) is invalid; the system refuses to start with it. */
public class DefinitionException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    public DefinitionException(String source, List<String> problems) {
        super(source + " is invalid:\n  - " + String.join("\n  - ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }
}
