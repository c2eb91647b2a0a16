package org.integramonitor.instrument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** The answer types an instrument item can have. */
public enum ItemType {
    /** 1-5 scale, optionally with a "did not use / don't know" answer written as "na". */
    SCALE("scale"),
    /** JSON boolean. */
    YES_NO("yes_no"),
    /** One option code. */
    SINGLE("single"),
    /** An array of distinct option codes. */
    MULTIPLE("multiple"),
    /** Bounded free text; stored apart from the structured answers and never published. */
    TEXT("text");

    private final String code;

    ItemType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ItemType fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown item type '" + code + "'"));
    }
}
