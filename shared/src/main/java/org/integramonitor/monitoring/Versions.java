package org.integramonitor.monitoring;

import org.integramonitor.problem.Problem;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * Optimistic concurrency for versioned resources (reports: ETag {@code "r<revision>"}, recommendations:
 * {@code "v<version>"}). A write names the version it builds on with {@code If-Match}; without it, it may
 * only create. A retry of a write that already succeeded is recognised (the next version holds exactly
 * what is being written, by the same author) and answered as a success instead of a conflict.
 */
public final class Versions {

    /** What to do with a write. */
    public enum Decision { WRITE, REPLAY, PRECONDITION_REQUIRED, PRECONDITION_FAILED }

    private Versions() {
    }

    public static String etag(char prefix, int version) {
        return "\"" + prefix + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names: empty header → 0 (create only); {@code *} → the
     * current version (if any); a list is not supported for writes. Empty result: unparseable.
     */
    public static Optional<OptionalInt> expected(Optional<String> ifMatch, char prefix, int current) {
        if (ifMatch.isEmpty()) {
            return Optional.of(OptionalInt.of(0));
        }
        String value = ifMatch.get().trim();
        if (value.equals("*")) {
            return Optional.of(current == 0 ? OptionalInt.empty() : OptionalInt.of(current));
        }
        if (value.startsWith("W/")) {
            return Optional.empty(); // weak tags never match for writes (RFC 9110 13.1.1)
        }
        if (value.length() < 4 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"' || value.charAt(1) != prefix) {
            return Optional.empty();
        }
        String digits = value.substring(2, value.length() - 1);
        // strong comparison: only the exact tag we issued ("r3", never "r03" or "r+3")
        if (!digits.matches("[1-9][0-9]{0,9}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(OptionalInt.of(Integer.parseInt(digits)));
        } catch (NumberFormatException beyondInt) {
            return Optional.empty();
        }
    }

    /**
     * @param expected the version the write builds on (0: create)
     * @param current  the stored version (0: none)
     * @param isRetry  whether the stored version {@code expected + 1} is exactly this write
     */
    public static Decision decide(int expected, int current, boolean hasIfMatch, IntFunction<Boolean> isRetry) {
        if (current == expected) {
            return Decision.WRITE;
        }
        if (current > expected && isRetry.apply(expected + 1)) {
            return Decision.REPLAY;
        }
        return hasIfMatch ? Decision.PRECONDITION_FAILED : Decision.PRECONDITION_REQUIRED;
    }

    public static Problem preconditionFailed(String what, String currentEtag) {
        return Problem.of(412, "precondition-failed", "Precondition failed",
                what + " has changed since the version you named in If-Match; it is now " + currentEtag
                        + ": read it again and re-apply your change");
    }

    public static Problem preconditionRequired(String what) {
        return Problem.of(428, "precondition-required", "Precondition required",
                what + " exists already: send If-Match with the ETag of the version you are changing");
    }

    public static Problem badIfMatch(char prefix) {
        return Problem.of(400, "invalid-if-match", "Invalid If-Match",
                "If-Match must be one strong ETag such as \"" + prefix + "3\" (as returned in ETag), or *");
    }
}
