package org.integramonitor.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The local system's ports ({@code infra/run-local.sh --port, --dynamodb-port, --s3-port}): 0 means any free
 * port, and a port taken by something else stops the system with one line naming the option to change.
 * These tests start the embedded servers whatever AWS_ENDPOINT_URL says: they are about those servers.
 */
class LocalPortsTest {

    /** The command line as a developer would type it, in memory, with the embedded servers. */
    private static LocalSystem.Settings commandLine(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--in-memory";
        System.arraycopy(args, 0, all, 1, args.length);
        return LocalSystemCommandLine.parse(all).withExternalEndpoint(Optional.empty());
    }

    @Test
    void portOptionsAreParsed() {
        LocalSystem.Settings defaults = LocalSystemCommandLine.parse(new String[0]);
        assertThat(defaults.apiPort()).isEqualTo(8080);
        assertThat(defaults.dynamoDbPort()).isEqualTo(8000);
        assertThat(defaults.s3Port()).isEqualTo(9000);

        LocalSystem.Settings settings = commandLine("--port", "18080", "--dynamodb-port", "0", "--s3-port", "19000");
        assertThat(settings.apiPort()).isEqualTo(18080);
        assertThat(settings.dynamoDbPort()).isZero();
        assertThat(settings.s3Port()).isEqualTo(19000);
        assertThat(settings.dataDir()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port", "--dynamodb-port", "--s3-port"})
    void aBadPortNamesItsOption(String option) {
        for (String bad : new String[] {"eight", "-1", "65536"}) {
            assertThatThrownBy(() -> LocalSystemCommandLine.parse(new String[] {option, bad}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(option + " needs a port number from 0 to 65535 (0: any free port), not " + bad);
        }
        assertThatThrownBy(() -> LocalSystemCommandLine.parse(new String[] {option}))
                .hasMessage(option + " needs a value");
    }

    @Test
    void helpNamesEveryPortOption() {
        assertThat(LocalSystemCommandLine.HELP)
                .contains("--port PORT", "--dynamodb-port PORT", "--s3-port PORT", "(default 8000)", "(default 9000)",
                        "A port of 0 means any free port");
        for (LocalSystem.Server server : LocalSystem.Server.values()) {
            assertThat(LocalSystemCommandLine.HELP).contains(LocalSystemCommandLine.option(server) + " PORT");
        }
    }

    @Test
    void portZeroStartsEveryServerOnAFreePortAndTheBannerSaysWhich() throws Exception {
        try (LocalSystem system = LocalSystem.start(commandLine("--port", "0", "--dynamodb-port", "0", "--s3-port", "0"))) {
            int api = system.apiUrl().getPort();
            int dynamoDb = system.dynamoDbEndpoint().getPort();
            int s3 = system.s3Endpoint().getPort();
            assertThat(new int[] {api, dynamoDb, s3}).doesNotContain(0, -1, 8080, 8000, 9000).doesNotHaveDuplicates();

            // each answers on the port it reports
            assertThat(system.dynamoDb().listTables().tableNames()).contains("integra-submissions", "integra-monitoring");
            assertThat(system.s3().listBuckets().buckets()).extracting(bucket -> bucket.name())
                    .contains("integra-snapshots", "integra-summaries");
            HttpResponse<String> instruments = TestSystem.send(java.net.http.HttpRequest
                    .newBuilder(system.apiUrl().resolve("/v1/instruments")).GET().build());
            assertThat(instruments.statusCode()).isEqualTo(200);

            assertThat(LocalSystemCommandLine.banner(system)).contains(
                    "http://127.0.0.1:" + api + "/v1/instruments",
                    "DynamoDB        http://127.0.0.1:" + dynamoDb,
                    "S3              http://127.0.0.1:" + s3);
        }
    }

    @ParameterizedTest
    @EnumSource(LocalSystem.Server.class)
    void aTakenPortStopsTheSystemWithOneLineNamingTheOption(LocalSystem.Server server) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) { // every interface, as DynamoDB Local binds
            int port = taken.getLocalPort();
            String option = LocalSystemCommandLine.option(server);
            LocalSystem.Settings settings = commandLine("--port", "0", "--dynamodb-port", "0", "--s3-port", "0",
                    option, Integer.toString(port));

            Throwable failure = catchThrowable(() -> LocalSystem.start(settings).close());

            assertThat(failure).isInstanceOf(LocalSystem.PortInUseException.class);
            assertThat(((LocalSystem.PortInUseException) failure).server()).isEqualTo(server);
            String message = LocalSystemCommandLine.startFailure(failure);
            assertThat(message)
                    .isEqualTo("The local system did not start: port " + port + " (" + server.description()
                            + ") is in use. Stop what uses it, or choose another port with " + option + " PORT ("
                            + option + " 0: any free port).")
                    .doesNotContain("\n");
        }
    }

    @Test
    void otherStartFailuresAreShownWithTheirCauses() {
        Exception failure = new IllegalStateException("outer", new java.io.IOException("inner"));
        assertThat(LocalSystemCommandLine.startFailure(failure).lines()).containsExactly(
                "The local system did not start: java.lang.IllegalStateException: outer",
                "  caused by: java.io.IOException: inner");
    }

    @Test
    void anExternalEndpointIsKeptAsGiven() {
        LocalSystem.Settings settings = LocalSystemCommandLine.parse(new String[] {"--endpoint", "http://localhost:4566"});
        assertThat(settings.externalEndpoint()).contains(URI.create("http://localhost:4566"));
    }
}
