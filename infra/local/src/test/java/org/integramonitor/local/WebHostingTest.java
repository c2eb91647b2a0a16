package org.integramonitor.local;

import org.integramonitor.local.web.WebSecurityHeaders;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local system serves what CloudFront serves in AWS, on the same paths and with the same headers: the built
 * pages, {@code /latest.json} and {@code /snapshots/*} from the snapshot bucket, nothing else of the buckets.
 */
class WebHostingTest {

    @Test
    void theFormAndTheDashboardAreServedWithTheSecurityHeaders() {
        HttpResponse<String> form = get("/");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<script type=\"module\"");
        HttpResponse<String> dashboard = get("/dashboard/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).isNotEqualTo(form.body());
        WebSecurityHeaders.all().forEach((name, value) ->
                assertThat(form.headers().firstValue(name)).as(name).contains(value));
        assertThat(WebSecurityHeaders.CONTENT_SECURITY_POLICY).doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void snapshotsAreServedFromTheBucketAsStored() throws Exception {
        HttpResponse<String> run = TestSystem.post("/local/aggregations", "application/json", new byte[0]);
        assertThat(run.statusCode()).isEqualTo(201);
        HttpResponse<String> latest = get("/latest.json");
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(latest.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("max-age=60"));
        String stored = TestSystem.get().s3().getObjectAsBytes(b -> b.bucket("integra-snapshots").key("latest.json")).asUtf8String();
        assertThat(latest.body()).isEqualTo(stored);

        String dictionary = TestSystem.JSON.readTree(latest.body()).get("dictionary").asText();
        HttpResponse<String> file = get("/" + dictionary);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("immutable"));
    }

    @Test
    void nothingElseOfTheBucketsIsServed() {
        assertThat(get("/snapshots/no-such-snapshot/manifest.json").statusCode()).isEqualTo(404);
        assertThat(get("/snapshots/../latest.json").statusCode()).isEqualTo(404);
        assertThat(get("/summaries/").statusCode()).isEqualTo(404);
        assertThat(get("/integra-summaries/summaries/").statusCode()).isEqualTo(404);
    }

    @Test
    void theApiAnswersWithoutThePagesHeaders() {
        HttpResponse<String> instruments = get("/v1/instruments");
        assertThat(instruments.statusCode()).isEqualTo(200);
        assertThat(instruments.headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    private static HttpResponse<String> get(String path) {
        return TestSystem.sendUnchecked(HttpRequest.newBuilder(TestSystem.url(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }
}
