package org.integramonitor.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import org.integramonitor.auth.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dev-only token minting: {@code curl -X POST 'http://127.0.0.1:8080/local/tokens?role=coordinator&municipality=LT-57'}
 * (or {@code infra/mint-token.sh coordinator LT-57}). Exists only in the local system (infra/local),
 * never in the deployed API, where Cognito issues tokens.
 */
@Controller("/local/tokens")
@Requires(env = "local")
public class LocalTokens {

    private static final Pattern MUNICIPALITY = Pattern.compile("LT-\\d{2}");
    private final LocalTokenIssuer issuer;

    public LocalTokens(LocalTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Post(produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
    public HttpResponse<Map<String, Object>> mint(@QueryValue String role, @QueryValue @Nullable String municipality,
                                                  @QueryValue @Nullable String subject,
                                                  @QueryValue(defaultValue = "60") int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (Role.fromClaim(role).isEmpty()) {
            body.put("error", "role must be coordinator, ministry or admin");
            return HttpResponse.badRequest(body);
        }
        if (Role.fromClaim(role).get() == Role.COORDINATOR && (municipality == null || !MUNICIPALITY.matcher(municipality).matches())) {
            body.put("error", "a coordinator token needs municipality=LT-nn");
            return HttpResponse.badRequest(body);
        }
        if (minutes < 1 || minutes > 24 * 60) {
            body.put("error", "minutes must be 1..1440");
            return HttpResponse.badRequest(body);
        }
        String who = subject == null || subject.isBlank() ? "local-" + role + (municipality == null ? "" : "-" + municipality) : subject;
        Duration lifetime = Duration.ofMinutes(minutes);
        body.put("token", issuer.mint(who, role, Optional.ofNullable(municipality), lifetime));
        body.put("subject", who);
        body.put("role", role);
        Optional.ofNullable(municipality).ifPresent(code -> body.put("municipality", code));
        body.put("expiresAt", Instant.now().plus(lifetime).toString());
        return HttpResponse.ok(body);
    }
}
