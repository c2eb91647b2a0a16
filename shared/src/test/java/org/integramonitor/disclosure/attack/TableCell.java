package org.integramonitor.disclosure.attack;

import org.integramonitor.aggregation.CellKey;

/**
 * One cell as an outsider sees it. For a published cell, {@code n} and {@code k} are exact: value and
 * interval usually pin them, so the attacker is given them outright. {@code reason} is the legacy per-row
 * suppression reason (null when none was published).
 */
record TableCell(CellKey key, CellStatus status, long n, long k, String reason) {

    static TableCell published(CellKey key, long n, long k) {
        return new TableCell(key, CellStatus.PUBLISHED, n, k, null);
    }

    static TableCell withheld(CellKey key, String reason) {
        return new TableCell(key, CellStatus.WITHHELD, 0, 0, reason);
    }

    static TableCell noResponses(CellKey key) {
        return new TableCell(key, CellStatus.NO_RESPONSES, 0, 0, null);
    }

    boolean isWithheld() {
        return status == CellStatus.WITHHELD;
    }
}
