package org.integramonitor.local;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** An S3-compatible server (S3Proxy) in this process: in memory, or kept in a folder. */
final class EmbeddedS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedS3(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** @param port the port to listen on; 0: any free port ({@link #endpoint()} tells which) */
    static EmbeddedS3 start(int port, Optional<Path> dataDir, String accessKey, String secretKey) throws Exception {
        BlobStore store;
        if (dataDir.isPresent()) {
            Files.createDirectories(dataDir.get());
            store = new FilesystemNio2BlobStore(dataDir.get().toAbsolutePath().toString());
        } else {
            store = new TransientNio2BlobStore();
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
            for (int waited = 0; !"STARTED".equals(proxy.getState()) && waited < 10_000; waited += 10) {
                if ("FAILED".equals(proxy.getState())) {
                    throw new IllegalStateException("S3Proxy failed to start on port " + port);
                }
                Thread.sleep(10);
            }
        } catch (Exception | Error e) {
            try {
                proxy.stop();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        // with port 0, the port Jetty actually bound
        return new EmbeddedS3(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
