package org.integramonitor.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Amazon's DynamoDB Local as a real HTTP server in this process: in memory, or kept in a folder. */
final class EmbeddedDynamoDb implements AutoCloseable {

    /** Tries with port 0: a free port may be taken by another process before DynamoDB Local binds it. */
    private static final int FREE_PORT_ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /**
     * @param port the port to listen on; 0: any free port ({@link #endpoint()} tells which). DynamoDB Local
     *             takes a port number only, so a free one is looked up first, and looked up again if it was
     *             taken in the meantime.
     */
    static EmbeddedDynamoDb start(int port, Optional<Path> dataDir) throws Exception {
        if (dataDir.isPresent()) {
            Files.createDirectories(dataDir.get());
        }
        if (port != 0) {
            return startOn(port, dataDir);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return startOn(freePort(), dataDir);
            } catch (Exception e) {
                if (attempt == FREE_PORT_ATTEMPTS || !LocalSystem.isAddressInUse(e)) {
                    throw e;
                }
            }
        }
    }

    private static EmbeddedDynamoDb startOn(int port, Optional<Path> dataDir) throws Exception {
        List<String> args = new ArrayList<>();
        if (dataDir.isPresent()) {
            args.addAll(List.of("-dbPath", dataDir.get().toAbsolutePath().toString()));
        } else {
            args.add("-inMemory");
        }
        // one database for every access key and region, as the deployed table would be
        args.addAll(List.of("-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"));
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        try {
            server.start();
        } catch (Exception | Error e) {
            try {
                server.stop(); // its threads would otherwise outlive the failed start
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        return new EmbeddedDynamoDb(server, URI.create("http://127.0.0.1:" + port));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
