package org.integramonitor.monitoring;

/** A paging cursor that this listing did not hand out (tampered, truncated, or from another listing). */
public final class InvalidCursorException extends RuntimeException {

    public InvalidCursorException() {
        super("the cursor does not belong to this listing; start again without one");
    }
}
