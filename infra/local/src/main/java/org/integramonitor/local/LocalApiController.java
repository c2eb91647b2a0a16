package org.integramonitor.local;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.function.http.MicronautResponses;
import org.integramonitor.monitoring.function.MonitoringApi;
import org.integramonitor.submissions.api.SubmissionsApi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Both APIs on the local server, without routes of its own: every {@code /v1/} request goes to the API whose
 * contract has the path (the survey API's, else the monitoring API's), which dispatches it through the same
 * route table as on Lambda. Adding an operation to a contract and its API needs nothing here.
 */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING) // the DynamoDB calls block: keep them off the Netty event loop
public class LocalApiController {

    private final SubmissionsApi survey;
    private final MonitoringApi monitoring;

    public LocalApiController(SubmissionsApi survey, MonitoringApi monitoring) {
        this.survey = survey;
        this.monitoring = monitoring;
    }

    @Get(value = "/{+path}", produces = MediaType.ALL)
    public HttpResponse<byte[]> get(String path, HttpRequest<?> request) {
        return forward(request, null);
    }

    @Post(value = "/{+path}", consumes = MediaType.ALL, produces = MediaType.ALL)
    public HttpResponse<byte[]> post(String path, @Body @Nullable byte[] body, HttpRequest<?> request) {
        return forward(request, body);
    }

    @Put(value = "/{+path}", consumes = MediaType.ALL, produces = MediaType.ALL)
    public HttpResponse<byte[]> put(String path, @Body @Nullable byte[] body, HttpRequest<?> request) {
        return forward(request, body);
    }

    @Patch(value = "/{+path}", consumes = MediaType.ALL, produces = MediaType.ALL)
    public HttpResponse<byte[]> patch(String path, @Body @Nullable byte[] body, HttpRequest<?> request) {
        return forward(request, body);
    }

    @Delete(value = "/{+path}", consumes = MediaType.ALL, produces = MediaType.ALL)
    public HttpResponse<byte[]> delete(String path, @Body @Nullable byte[] body, HttpRequest<?> request) {
        return forward(request, body);
    }

    private HttpResponse<byte[]> forward(HttpRequest<?> request, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        String target = request.getUri().getRawQuery() == null ? request.getPath()
                : request.getPath() + "?" + request.getUri().getRawQuery();
        ApiRequest apiRequest = new ApiRequest(request.getMethodName(), target, headers, body);
        return MicronautResponses.of(survey.knowsPath(apiRequest.path()) ? survey.route(apiRequest) : monitoring.route(apiRequest));
    }
}
