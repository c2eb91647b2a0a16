package org.integramonitor.function;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * micronaut-aws 4.11's default registers the Lambda {@link Context} as a new singleton bean on every
 * invocation, so warm latency and memory grow with each call (micronaut-aws#762; measured here:
 * ~5 ms at the start to ~43 ms after 20,000 calls). No bean of ours injects the Context, so we
 * register nothing and keep warm latency flat. Setting {@code integra.lambda.stock-context-factory=true}
 * restores the stock behaviour; the warm-overhead benchmark uses it to show the difference.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
@Requires(property = "integra.lambda.stock-context-factory", notEquals = "true")
public class QuietLambdaContextFactory implements LambdaContextFactory {

    @Override
    public void registerSingletons(Context context) {
        // intentionally empty: see the class comment
    }
}
