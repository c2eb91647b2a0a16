package org.integramonitor.function;


import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Invokes a handler from this jar the way the Lambda runtime does (class by name, no-argument constructor,
 * one API Gateway v2 event after another), without Docker or an AWS account:
 * {@code java -cp FUNCTION-lambda.jar org.integramonitor.function.InvokeHandler CLASS EVENT.json...}.
 * Prints one {@code RESPONSE <json>} line per event and, after the first, the milliseconds since JVM start.
 * The deployed-jar test and the cold-start benchmark use it.
 */
public final class InvokeHandler {

    private InvokeHandler() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: InvokeHandler HANDLER_CLASS EVENT.json [EVENT.json...]");
            System.exit(2);
        }
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(args[0])
                        .getDeclaredConstructor().newInstance();
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (int i = 1; i < args.length; i++) {
            APIGatewayV2HTTPEvent event = json.readValue(Files.readAllBytes(Path.of(args[i])), APIGatewayV2HTTPEvent.class);
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, new LocalLambdaContext("local-" + i));
            if (i == 1) {
                long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("FIRST_RESPONSE_MS " + sinceJvmStart);
            }
            System.out.println("RESPONSE " + json.writeValueAsString(response));
        }
        System.out.flush();
        System.exit(0);
    }
}
