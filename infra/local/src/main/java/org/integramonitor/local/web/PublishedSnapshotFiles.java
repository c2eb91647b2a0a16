package org.integramonitor.local.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.integramonitor.aggregation.function.AggregationSettings;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.nio.charset.StandardCharsets;

/**
 * The snapshot bucket's published files on the pages' origin, on the same paths as CloudFront serves them in
 * AWS: {@code /latest.json} and {@code /snapshots/*}, with the Content-Type and Cache-Control the aggregation
 * stored. Nothing else of the bucket, and never the aggregation's private summaries (another bucket).
 */
@Controller
@Requires(env = "local")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublishedSnapshotFiles {

    static final String LATEST = "latest.json";
    static final String FOLDER = "snapshots/";

    private final S3Client s3;
    private final String bucket;

    public PublishedSnapshotFiles(S3Client s3, AggregationSettings settings) {
        this.s3 = s3;
        this.bucket = settings.snapshotBucket();
    }

    @Get(value = "/" + LATEST, produces = MediaType.ALL)
    public HttpResponse<byte[]> latest() {
        return object(LATEST);
    }

    @Get(value = "/" + FOLDER + "{+key}", produces = MediaType.ALL)
    public HttpResponse<byte[]> snapshotFile(@PathVariable String key) {
        if (key.contains("..") || key.startsWith("/")) {
            return notFound();
        }
        return object(FOLDER + key);
    }

    private HttpResponse<byte[]> object(String key) {
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(builder -> builder.bucket(bucket).key(key));
        } catch (NoSuchKeyException missing) {
            return notFound();
        }
        MutableHttpResponse<byte[]> response = HttpResponse.ok(object.asByteArray());
        GetObjectResponse metadata = object.response();
        response.contentType(metadata.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : metadata.contentType());
        if (metadata.cacheControl() != null) {
            response.header("Cache-Control", metadata.cacheControl());
        }
        if (metadata.eTag() != null) {
            response.header("ETag", metadata.eTag());
        }
        return response;
    }

    private static HttpResponse<byte[]> notFound() {
        // what CloudFront answers for a missing key of a private bucket is a bare error too: no listing, no hints
        return HttpResponse.<byte[]>status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("not found\n".getBytes(StandardCharsets.UTF_8));
    }
}
