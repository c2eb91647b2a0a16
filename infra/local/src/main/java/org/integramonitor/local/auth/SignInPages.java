package org.integramonitor.local.auth;

import org.integramonitor.municipality.Municipality;

import java.util.List;
import java.util.Map;

/**
 * The development sign-in's HTML: the sign-in form and the page that refuses a request. Plain HTML with one
 * stylesheet of the same origin ({@code sign-in.css}): no script and no inline style, as the local system's CSP
 * requires ({@code WebSecurityHeaders}).
 */
final class SignInPages {

    static final String STYLESHEET = DevSignIn.PREFIX + "/sign-in.css";
    static final String LABEL = "Development sign-in — local system only, not in AWS";

    private static final List<String[]> ROLES = List.of(
            new String[]{"coordinator", "Coordinator", "reports for one municipality"},
            new String[]{"ministry", "Ministry", "reads every municipality, gives feedback"},
            new String[]{"admin", "Administrator", "maintains the recommendations"});

    /** What was entered in the form (as typed), to show it again with the errors. */
    record Entered(String role, String municipality, String subject, String minutes) {
    }

    private SignInPages() {
    }

    static String signIn(AuthorizeRequest request, List<Municipality> municipalities, Entered entered,
                         Map<String, String> errors) {
        StringBuilder page = new StringBuilder();
        head(page, (errors.isEmpty() ? "" : "Error: ") + "Development sign-in");
        page.append("<h1>Sign in to Integra Monitor</h1>\n");
        page.append("<p>No password: choose who to be, and the local system issues an ID token with that role, "
                + "as Cognito would. Afterwards your browser returns to <code>")
                .append(Html.escape(request.redirectUri().orElse(""))).append("</code>.</p>\n");
        if (!errors.isEmpty()) {
            page.append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n"
                    + "<h2 id=\"error-summary-title\">There is a problem</h2>\n<ul>\n");
            errors.forEach((field, message) -> page.append("<li><a href=\"#").append(firstControl(field)).append("\">")
                    .append(Html.escape(message)).append("</a></li>\n"));
            page.append("</ul>\n</div>\n");
        }
        page.append("<form method=\"post\" action=\"").append(DevSignIn.PREFIX).append("/oauth2/authorize\" novalidate>\n");
        request.given().forEach((name, value) -> page.append("<input type=\"hidden\" name=\"").append(Html.escape(name))
                .append("\" value=\"").append(Html.escape(value)).append("\">\n"));

        page.append("<div class=\"field").append(errors.containsKey("role") ? " field-error" : "").append("\">\n");
        page.append("<fieldset").append(describedBy("role", errors, null)).append(">\n<legend>Role</legend>\n");
        error(page, "role", errors);
        for (String[] role : ROLES) {
            String id = "role-" + role[0];
            page.append("<div class=\"choice\"><input type=\"radio\" name=\"role\" id=\"").append(id)
                    .append("\" value=\"").append(role[0]).append("\"")
                    .append(role[0].equals(entered.role()) ? " checked" : "").append(">")
                    .append(" <label for=\"").append(id).append("\">").append(role[1])
                    .append(" <span class=\"hint\">(").append(role[2]).append(")</span></label></div>\n");
        }
        page.append("</fieldset>\n</div>\n");

        page.append("<div class=\"field").append(errors.containsKey("municipality") ? " field-error" : "").append("\">\n");
        page.append("<label for=\"municipality\">Municipality</label>\n");
        page.append("<p class=\"hint\" id=\"municipality-hint\">Required for a coordinator; not used for the ministry or an administrator.</p>\n");
        error(page, "municipality", errors);
        page.append("<select id=\"municipality\" name=\"municipality\"")
                .append(describedBy("municipality", errors, "municipality-hint")).append(">\n");
        page.append("<option value=\"\"").append(entered.municipality().isEmpty() ? " selected" : "")
                .append(">Choose a municipality</option>\n");
        for (Municipality municipality : municipalities) {
            String name = municipality.name().in("en").orElse(municipality.code());
            page.append("<option value=\"").append(municipality.code()).append("\"")
                    .append(municipality.code().equals(entered.municipality()) ? " selected" : "").append(">")
                    .append(municipality.code()).append(" ").append(Html.escape(name)).append("</option>\n");
        }
        page.append("</select>\n</div>\n");

        page.append("<div class=\"field").append(errors.containsKey("subject") ? " field-error" : "").append("\">\n");
        page.append("<label for=\"subject\">Name or e-mail (optional)</label>\n");
        page.append("<p class=\"hint\" id=\"subject-hint\">The token's subject; an e-mail address also becomes its "
                + "<code>email</code>. Left empty: <code>dev-</code> and the role and municipality, e.g. "
                + "<code>dev-coordinator-LT-57</code>.</p>\n");
        error(page, "subject", errors);
        page.append("<input type=\"text\" id=\"subject\" name=\"subject\" maxlength=\"").append(DevSignIn.SUBJECT_LENGTH)
                .append("\" autocomplete=\"username\" spellcheck=\"false\" value=\"").append(Html.escape(entered.subject()))
                .append("\"").append(describedBy("subject", errors, "subject-hint")).append(">\n</div>\n");

        page.append("<div class=\"field").append(errors.containsKey("minutes") ? " field-error" : "").append("\">\n");
        page.append("<label for=\"minutes\">Token lifetime in minutes</label>\n");
        page.append("<p class=\"hint\" id=\"minutes-hint\">1 to ").append(DevSignIn.MAX_MINUTES)
                .append(". A short one lets you try what happens when a session expires.</p>\n");
        error(page, "minutes", errors);
        page.append("<input type=\"number\" id=\"minutes\" name=\"minutes\" min=\"1\" max=\"").append(DevSignIn.MAX_MINUTES)
                .append("\" step=\"1\" inputmode=\"numeric\" required value=\"").append(Html.escape(entered.minutes()))
                .append("\"").append(describedBy("minutes", errors, "minutes-hint")).append(">\n</div>\n");

        page.append("<button type=\"submit\">Sign in</button>\n</form>\n");
        return foot(page);
    }

    /** A request the sign-in refuses: what is wrong, and no way on (nothing is sent to an unchecked URI). */
    static String refused(List<String> problems) {
        StringBuilder page = new StringBuilder();
        head(page, "Error: sign-in request refused");
        page.append("<h1>This sign-in request cannot be used</h1>\n");
        page.append("<p>The application that sent you here asked for something the local system does not allow, so "
                + "nothing was sent back to it.</p>\n<ul class=\"problems\">\n");
        problems.forEach(problem -> page.append("<li>").append(Html.escape(problem)).append("</li>\n"));
        page.append("</ul>\n<p>See <code>docs/monitoring-api.md</code>, \"Signing in locally\", for the parameters "
                + "the development sign-in expects.</p>\n");
        return foot(page);
    }

    private static void head(StringBuilder page, String title) {
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                // the local system sends Referrer-Policy: no-referrer, under which a browser posts the form with
                // "Origin: null", which Micronaut's CORS filter refuses (403); same-origin sends the real origin
                .append("<meta name=\"referrer\" content=\"same-origin\">\n")
                .append("<title>").append(Html.escape(title)).append(" — Integra Monitor (local system)</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\">\n</head>\n<body>\n")
                .append("<header class=\"dev-banner\"><p><strong>").append(LABEL).append("</strong>. This page stands in "
                        + "for Cognito's sign-in in the one-command local system; the deployed system has no such page.</p></header>\n")
                .append("<main>\n");
    }

    private static String foot(StringBuilder page) {
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void error(StringBuilder page, String field, Map<String, String> errors) {
        if (errors.containsKey(field)) {
            page.append("<p class=\"error-message\" id=\"").append(field).append("-error\"><span class=\"visually-hidden\">Error:</span> ")
                    .append(Html.escape(errors.get(field))).append("</p>\n");
        }
    }

    private static String describedBy(String field, Map<String, String> errors, String hint) {
        StringBuilder ids = new StringBuilder();
        if (hint != null) {
            ids.append(hint);
        }
        if (errors.containsKey(field)) {
            ids.append(ids.isEmpty() ? "" : " ").append(field).append("-error");
        }
        String attributes = ids.isEmpty() ? "" : " aria-describedby=\"" + ids + "\"";
        return errors.containsKey(field) && !"role".equals(field) ? attributes + " aria-invalid=\"true\"" : attributes;
    }

    private static String firstControl(String field) {
        return "role".equals(field) ? "role-" + ROLES.get(0)[0] : field;
    }
}
