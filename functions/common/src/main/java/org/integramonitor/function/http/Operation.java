package org.integramonitor.function.http;

import java.util.Map;

/** One operation of an API: the request and its path parameters (by the contract's names) in, a response out. */
@FunctionalInterface
public interface Operation {

    ApiResponse handle(ApiRequest request, Map<String, String> pathParameters);
}
