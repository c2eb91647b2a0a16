package org.integramonitor.function.http;

import org.integramonitor.json.Json;
import org.integramonitor.problem.Problem;

import java.util.Map;

/** Turns a {@link Problem} into a response; every error the API gives goes through here. */
public final class Problems {

    private final Json json;

    public Problems(Json json) {
        this.json = json;
    }

    public ApiResponse response(Problem problem, String path) {
        return new ApiResponse(problem.status(), Map.of("Content-Type", Problem.MEDIA_TYPE, "Cache-Control", "no-store"),
                json.write(problem.at(path)));
    }

    public static Problem notFound(String detail) {
        return Problem.of(404, "not-found", "Not found", detail);
    }

    public static Problem methodNotAllowed(String method) {
        return Problem.of(405, "method-not-allowed", "Method not allowed", "this resource does not accept " + method);
    }
}
