package org.integramonitor.local.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the development sign-in may send a browser back to (a {@code redirect_uri} or {@code logout_uri}): only
 * to the local system itself, i.e. the origin the workspace is served from locally. The URI must be absolute,
 * {@code http}, with host {@code 127.0.0.1} or {@code localhost} and the port the local system listens on
 * (given explicitly), with no user information and no fragment (RFC 6749 section 3.1.2). Any path and query.
 *
 * <p>Why not every loopback port, as RFC 8252 allows native apps: locally the workspace is served by this
 * server, so nothing else needs a code; another process on the machine (a dev server, anything) would get
 * none; and the sign-in page's CSP ({@code form-action 'self'}) would stop Chromium following the form's
 * redirect to another origin anyway. Cognito, for its part, accepts only the callback URLs registered on the
 * app client, exactly.
 */
final class RedirectTargets {

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost");

    private RedirectTargets() {
    }

    /** @return what is wrong with {@code uri} as a place to send the browser; empty when it may be used */
    static Optional<String> problem(String uri, int ownPort) {
        if (uri == null || uri.isBlank()) {
            return Optional.of("is missing");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URI");
        }
        String own = "http://127.0.0.1:" + ownPort + "/ (or http://localhost:" + ownPort + "/)";
        if (!parsed.isAbsolute() || parsed.isOpaque() || parsed.getHost() == null) {
            return Optional.of("must be an absolute URL on the local system, " + own);
        }
        if (parsed.getRawUserInfo() != null) {
            return Optional.of("must not carry user information");
        }
        if (parsed.getRawFragment() != null) {
            return Optional.of("must not have a fragment (#...)");
        }
        boolean sameOrigin = "http".equals(parsed.getScheme().toLowerCase(Locale.ROOT))
                && HOSTS.contains(parsed.getHost().toLowerCase(Locale.ROOT)) && parsed.getPort() == ownPort;
        if (!sameOrigin) {
            return Optional.of("must be on the local system itself, " + own + ", not " + origin(parsed));
        }
        return Optional.empty();
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
