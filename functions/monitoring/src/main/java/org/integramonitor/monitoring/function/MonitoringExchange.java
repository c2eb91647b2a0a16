package org.integramonitor.monitoring.function;

import org.integramonitor.auth.Caller;
import org.integramonitor.function.http.ApiRequest;

import java.util.Map;
import java.util.Optional;

/**
 * One authenticated request on its way to an operation: the request, its path parameters by the contract's
 * names, who is calling, and the municipality the path names (if it names one).
 */
record MonitoringExchange(ApiRequest request, Map<String, String> pathParameters, Caller caller,
                          Optional<String> municipality) {

    String parameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no path parameter '" + name + "'");
        }
        return value;
    }

    String path() {
        return request.path();
    }
}
