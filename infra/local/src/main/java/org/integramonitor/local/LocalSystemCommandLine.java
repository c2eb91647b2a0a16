package org.integramonitor.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Options of {@code infra/run-local.sh}; see README "Run it locally". */
final class LocalSystemCommandLine {

    static final String API_PORT = "--port";
    static final String DYNAMODB_PORT = "--dynamodb-port";
    static final String S3_PORT = "--s3-port";
    static final String DEMO_DATA = "--demo-data";
    /** More would take minutes: DynamoDB Local stores a few hundred submissions a second. */
    static final int MAX_DEMO_SUBMISSIONS = 100_000;

    static final String HELP = """
            usage: infra/run-local.sh [--in-memory] [--data-dir DIR] [--port PORT] [--dynamodb-port PORT]
                                      [--s3-port PORT] [--endpoint URL] [--demo-data N]
              --in-memory           keep nothing on disk (default: data kept in .local-data/)
              --data-dir DIR        where DynamoDB Local and the S3 server keep their data
              --port PORT           HTTP port of the API (default 8080)
              --dynamodb-port PORT  port of the embedded DynamoDB Local (default 8000)
              --s3-port PORT        port of the embedded S3 server (default 9000)
              --endpoint URL        use this DynamoDB/S3 endpoint (e.g. LocalStack) instead of embedded servers
              --demo-data N         after start-up, store N synthetic submissions (not real answers) spread
                                    over the last 12 months and publish a snapshot, so the dashboard has
                                    figures to show (e.g. --demo-data 2000; with --in-memory, nothing stays)
            A port of 0 means any free port; the ports chosen are printed at start-up.
            """;

    private LocalSystemCommandLine() {
    }

    static LocalSystem.Settings parse(String[] args) {
        LocalSystem.Settings settings = LocalSystem.Settings.developer();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--in-memory" -> settings = settings.inMemory();
                case "--data-dir" -> settings = settings.withDataDir(Path.of(value(args, ++i, "--data-dir")));
                case API_PORT -> settings = settings.withApiPort(port(args, ++i, API_PORT));
                case DYNAMODB_PORT -> settings = settings.withDynamoDbPort(port(args, ++i, DYNAMODB_PORT));
                case S3_PORT -> settings = settings.withS3Port(port(args, ++i, S3_PORT));
                case "--endpoint" -> settings = settings.withExternalEndpoint(
                        Optional.of(URI.create(value(args, ++i, "--endpoint"))));
                case DEMO_DATA -> settings = settings.withDemoSubmissions(count(args, ++i, DEMO_DATA));
                case "--help", "-h" -> {
                    System.out.print(HELP);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        return settings;
    }

    private static int port(String[] args, int index, String option) {
        String value = value(args, index, option);
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(option + " needs a port number from 0 to 65535 (0: any free port), not " + value);
    }

    private static int count(String[] args, int index, String option) {
        String value = value(args, index, option);
        try {
            int count = Integer.parseInt(value);
            if (count >= 0 && count <= MAX_DEMO_SUBMISSIONS) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(option + " needs a number of submissions from 0 to " + MAX_DEMO_SUBMISSIONS
                + ", not " + value);
    }

    /** The option that sets a server's port. */
    static String option(LocalSystem.Server server) {
        return switch (server) {
            case API -> API_PORT;
            case DYNAMODB -> DYNAMODB_PORT;
            case S3 -> S3_PORT;
        };
    }

    /**
     * What to print when the system did not start: for a port in use, one line naming the option that
     * changes it; otherwise the failure and its causes.
     */
    static String startFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LocalSystem.PortInUseException inUse) {
                String option = option(inUse.server());
                return ("The local system did not start: port %d (%s) is in use. Stop what uses it, or choose "
                        + "another port with %s PORT (%s 0: any free port).")
                        .formatted(inUse.port(), inUse.server().description(), option, option);
            }
        }
        StringBuilder text = new StringBuilder("The local system did not start: ").append(failure);
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            text.append(System.lineSeparator()).append("  caused by: ").append(cause);
        }
        return text.toString();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    static String banner(LocalSystem system) {
        return """

                Integra Monitor is running locally.
                  %7$s
                  survey API      %1$s/v1/instruments
                  monitoring API  %1$s/v1/municipalities/{code}/reports  (bearer token)
                  sign-in (dev)   %1$s/local/auth/oauth2/authorize  (used by the workspace)
                  snapshots       %1$s/latest.json and %1$s/snapshots/...  (as the CDN serves them)
                  API contracts   %1$s/openapi/survey-api.yaml, %1$s/openapi/monitoring-api.yaml
                  DynamoDB        %2$s  (tables integra-submissions, integra-submission-free-text, integra-monitoring)
                  S3              %3$s  (buckets %4$s: snapshots, %6$s: the aggregation's private state)
                  data            %5$s%8$s
                Try:
                  curl -s %1$s/v1/instruments
                  TOKEN=$(API=%1$s infra/mint-token.sh coordinator LT-57)      # dev-only token issuer
                  curl -s -H "Authorization: Bearer $TOKEN" %1$s/v1/me
                  curl -s -X POST %1$s/local/aggregations             # a snapshot now
                Stop with Ctrl-C.
                """.formatted(system.apiUrl(), system.dynamoDbEndpoint(), system.s3Endpoint(),
                system.settings().snapshotBucket(),
                system.settings().externalEndpoint().isPresent() ? "external endpoint"
                        : system.settings().dataDir().map(Path::toString).orElse("in memory"),
                system.settings().summaryBucket(), webPagesLines(system), demoDataLine(system));
    }

    /** Says that the data are synthetic, when demo data were written. */
    static String demoDataLine(LocalSystem system) {
        return system.demoData().map(demo -> System.lineSeparator()
                + "  demo data       %d synthetic submissions (not real answers), received %s to %s (%d new, %.1f s);"
                        .formatted(demo.requested(), demo.firstDay(), demo.lastDay(), demo.stored(),
                                demo.writing().toMillis() / 1000.0)
                + System.lineSeparator() + "                  snapshot %s published (%.1f s)"
                        .formatted(demo.snapshotId(), demo.aggregating().toMillis() / 1000.0)).orElse("");
    }

    /** Where the survey form and the dashboard are, or how to get them when web/dist was not built. */
    static String webPagesLines(LocalSystem system) {
        String nl = System.lineSeparator();
        if (LocalSystem.webPages(system.settings()).isPresent()) {
            return "survey form     " + system.apiUrl() + "/" + nl
                    + "  dashboard       " + system.apiUrl() + "/dashboard/" + nl
                    + "  workspace       " + system.apiUrl() + "/workspace/ (coordinators, ministry, administrators; development sign-in)";
        }
        return "web pages       not built: they need Node.js 20+ with npm (https://nodejs.org or your package" + nl
                + "                  manager), then: npm --prefix web ci && npm --prefix web run build" + nl
                + "                  and start again. The API works without them.";
    }
}
