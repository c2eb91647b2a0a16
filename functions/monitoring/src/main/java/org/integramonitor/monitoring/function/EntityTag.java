package org.integramonitor.monitoring.function;

import org.integramonitor.monitoring.ExpectedVersion;
import org.integramonitor.monitoring.Version;
import org.integramonitor.problem.Problem;

import java.util.Optional;

/**
 * The ETags of the versioned monitoring resources ({@code "r3"}: a report's revision 3, {@code "v3"}: a
 * recommendation's version 3) and the {@code If-Match} header that names one, read once here into the domain's
 * {@link ExpectedVersion}.
 */
public enum EntityTag {

    REPORT('r'), RECOMMENDATION('v');

    private final char prefix;

    EntityTag(char prefix) {
        this.prefix = prefix;
    }

    public String of(int version) {
        return of(new Version(version));
    }

    public String of(Version version) {
        return "\"" + prefix + version.number() + "\"";
    }

    /**
     * What a write's {@code If-Match} expects: none → create; {@code *} → any version (which the services
     * refuse; see {@code VersionGuard.SpecificVersionRequired}); one strong ETag of this kind → that version.
     * Empty: anything else (a weak tag, a list, another kind's tag), which is a bad request.
     */
    public Optional<ExpectedVersion> expected(Optional<String> ifMatch) {
        if (ifMatch.isEmpty()) {
            return Optional.of(new ExpectedVersion.Nothing());
        }
        String value = ifMatch.get().trim();
        if (value.equals("*")) {
            return Optional.of(new ExpectedVersion.AnyVersion());
        }
        // strong comparison (RFC 9110 8.8.3.2): only the exact tag we issued ("r3", never W/"r3", "r03" or "r+3")
        if (value.length() < 4 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"' || value.charAt(1) != prefix) {
            return Optional.empty();
        }
        String digits = value.substring(2, value.length() - 1);
        if (!digits.matches("[1-9][0-9]{0,9}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ExpectedVersion.Exactly(new Version(Integer.parseInt(digits))));
        } catch (NumberFormatException beyondInt) {
            return Optional.empty();
        }
    }

    public Problem invalidIfMatch() {
        return Problem.of(400, "invalid-if-match", "Invalid If-Match",
                "If-Match must be one strong ETag such as " + of(3) + ", as returned in ETag");
    }
}
