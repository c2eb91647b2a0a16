package org.integramonitor.function;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.MicronautLambdaContext;

/** How every Lambda handler of this project builds its Micronaut context. */
public final class FunctionContexts {

    private FunctionContexts() {
    }

    /**
     * Micronaut's Lambda builder initialises every singleton eagerly, framework ones included. A handler's
     * injection creates all beans it uses during init anyway (so SnapStart still snapshots them); the rest
     * need not be built. Environment deduction is skipped: the environment is known.
     */
    public static ApplicationContextBuilder lambda() {
        return ApplicationContext.builder(Environment.FUNCTION, MicronautLambdaContext.ENVIRONMENT_LAMBDA)
                .eagerInitSingletons(false)
                .deduceEnvironment(false)
                .banner(false);
    }
}
