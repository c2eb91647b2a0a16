package org.integramonitor.local;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.integramonitor.aggregation.function.AggregationLambdaHandler;
import org.integramonitor.function.LocalLambdaContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart priming of the aggregation function (a listing and an empty index query against real storage)
 * writes nothing and leaves a handler that publishes a snapshot.
 */
class AggregationPrimingTest {

    @Test
    void primingWritesNothingAndTheHandlerStillPublishes() {
        TestSystem.get().functionProperties().forEach((key, value) -> System.setProperty(key, value.toString()));
        try (AggregationLambdaHandler handler = new AggregationLambdaHandler()) {
            String bucket = TestSystem.get().settings().snapshotBucket();
            String summaryBucket = TestSystem.get().settings().summaryBucket();
            List<String> before = keys(bucket);
            List<String> summariesBefore = keys(summaryBucket);

            handler.beforeCheckpoint(null);
            handler.afterRestore(null);

            assertThat(keys(bucket)).isEqualTo(before);
            assertThat(keys(summaryBucket)).isEqualTo(summariesBefore);
            assertThat(handler.handleRequest(new ScheduledEvent(), new LocalLambdaContext("priming-test"))).startsWith("snapshot ");
        } finally {
            TestSystem.get().functionProperties().keySet().forEach(System::clearProperty);
        }
    }

    private static List<String> keys(String bucket) {
        return TestSystem.get().s3().listObjectsV2Paginator(builder -> builder.bucket(bucket)).contents().stream()
                .map(object -> object.key() + "@" + object.eTag()).sorted().toList();
    }
}
