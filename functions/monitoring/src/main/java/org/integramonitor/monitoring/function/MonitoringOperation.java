package org.integramonitor.monitoring.function;

import org.integramonitor.auth.Permission;
import org.integramonitor.function.http.ApiResponse;

import java.util.Optional;
import java.util.function.Function;

/**
 * One operation of the monitoring API, declared by the resource that handles it: the route key of the contract,
 * its name in the logs, the permission it needs (empty: any signed-in user) and what it does.
 */
record MonitoringOperation(String routeKey, String name, Optional<Permission> permission,
                           Function<MonitoringExchange, ApiResponse> handler) {

    static final String MUNICIPALITY = "/v1/municipalities/{code}";

    static MonitoringOperation of(String routeKey, String name, Permission permission,
                                  Function<MonitoringExchange, ApiResponse> handler) {
        return new MonitoringOperation(routeKey, name, Optional.ofNullable(permission), handler);
    }
}
