package org.integramonitor.instrument;

import java.util.List;

public record Section(String id, LocalizedText title, List<Item> items) {

    public Section {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
