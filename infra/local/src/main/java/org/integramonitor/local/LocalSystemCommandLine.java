package org.integramonitor.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Options of {@code infra/run-local.sh}; see README "Run it locally". */
final class LocalSystemCommandLine {

    private LocalSystemCommandLine() {
    }

    static LocalSystem.Settings parse(String[] args) {
        LocalSystem.Settings settings = LocalSystem.Settings.developer();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--in-memory" -> settings = settings.inMemory();
                case "--data-dir" -> settings = settings.withDataDir(Path.of(value(args, ++i, "--data-dir")));
                case "--port" -> settings = settings.withApiPort(Integer.parseInt(value(args, ++i, "--port")));
                case "--endpoint" -> settings = new LocalSystem.Settings(settings.apiPort(), settings.dynamoDbPort(),
                        settings.s3Port(), settings.dataDir(), Optional.of(URI.create(value(args, ++i, "--endpoint"))),
                        settings.region(), settings.accessKey(), settings.secretKey(), settings.snapshotBucket(),
                        settings.properties());
                case "--help", "-h" -> {
                    System.out.println("""
                            usage: infra/run-local.sh [--in-memory] [--data-dir DIR] [--port PORT] [--endpoint URL]
                              --in-memory     keep nothing on disk (default: data kept in .local-data/)
                              --data-dir DIR  where DynamoDB Local and the S3 server keep their data
                              --port PORT     HTTP port of the API (default 8080)
                              --endpoint URL  use this DynamoDB/S3 endpoint (e.g. LocalStack) instead of embedded servers
                            """);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        return settings;
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
                  survey API      %1$s/v1/instruments
                  monitoring API  %1$s/v1/municipalities/{code}/reports  (bearer token)
                  OpenAPI         %1$s/openapi/integra-monitor-1.yml
                  DynamoDB        %2$s  (tables integra-submissions, integra-submission-free-text, integra-monitoring)
                  S3              %3$s  (bucket %4$s)
                  data            %5$s
                Try:
                  curl -s %1$s/v1/instruments
                  TOKEN=$(infra/mint-token.sh coordinator LT-57)      # dev-only token issuer
                  curl -s -H "Authorization: Bearer $TOKEN" %1$s/v1/me
                  curl -s -X POST %1$s/local/aggregations             # a snapshot now
                Stop with Ctrl-C.
                """.formatted(system.apiUrl(), system.dynamoDbEndpoint(), system.s3Endpoint(),
                system.settings().snapshotBucket(),
                system.settings().externalEndpoint().isPresent() ? "external endpoint"
                        : system.settings().dataDir().map(Path::toString).orElse("in memory"));
    }
}
