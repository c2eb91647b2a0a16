package org.integramonitor.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Amazon's DynamoDB Local as a real HTTP server in this process: in memory, or kept in a folder. */
final class EmbeddedDynamoDb implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    static EmbeddedDynamoDb start(int port, Optional<Path> dataDir) throws Exception {
        List<String> args = new ArrayList<>();
        if (dataDir.isPresent()) {
            Files.createDirectories(dataDir.get());
            args.addAll(List.of("-dbPath", dataDir.get().toAbsolutePath().toString()));
        } else {
            args.add("-inMemory");
        }
        // one database for every access key and region, as the deployed table would be
        args.addAll(List.of("-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"));
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        server.start();
        return new EmbeddedDynamoDb(server, URI.create("http://127.0.0.1:" + port));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
