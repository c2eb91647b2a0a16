package org.integramonitor.disclosure.attack;

/** What a snapshot row tells about its cell. */
enum CellStatus {
    PUBLISHED, WITHHELD, NO_RESPONSES
}
