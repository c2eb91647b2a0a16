package org.integramonitor.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A labelled 1-5 scale; {@code notApplicable} labels the "did not use / don't know" answer ("na"), if allowed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scale(List<Point> points, LocalizedText notApplicable) {

    public Scale {
        points = points == null ? List.of() : List.copyOf(points);
    }

    public boolean allowsNotApplicable() {
        return notApplicable != null;
    }

    public record Point(int value, LocalizedText label) {
    }
}
