package org.integramonitor.submissions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integramonitor.instrument.Instrument;
import org.integramonitor.instrument.InstrumentCatalog;
import org.integramonitor.instrument.InstrumentStatus;
import org.integramonitor.instrument.SubmissionSchema;
import org.integramonitor.function.http.ApiRequest;
import org.integramonitor.function.http.ApiResponse;
import org.integramonitor.function.http.JsonBodies;
import org.integramonitor.function.http.Problems;
import org.integramonitor.function.http.Representation;
import org.integramonitor.function.http.RouteTable;
import org.integramonitor.json.Json;
import org.integramonitor.metrics.Metrics;
import org.integramonitor.metrics.SubmissionMetrics;
import org.integramonitor.problem.Problem;
import org.integramonitor.submission.Receipt;
import org.integramonitor.submission.SubmissionOutcome;
import org.integramonitor.submission.SubmissionService;
import org.integramonitor.submission.SubmissionValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The public survey API, independent of the host: the Micronaut controller (local Netty server) and the
 * Lambda handler (API Gateway HTTP API v2 events) both call these methods, so they answer alike.
 * Logs carry the outcome only: never the submission id, answers, IP address or user agent.
 */
public final class SubmissionsApi {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionsApi.class);
    private static final String LIST_CACHE = "public, max-age=300";
    private static final String LATEST_CACHE = "public, max-age=300";
    /** A published version never changes, so its representations may be cached for good. */
    private static final String IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

    private final InstrumentCatalog catalog;
    private final SubmissionService submissions;
    private final Json json;
    private final Problems problems;
    private final JsonBodies bodies;
    private final SubmissionMetrics metrics;
    private final Map<String, Representation> representations = new ConcurrentHashMap<>();
    private final RouteTable routes = routes();

    /** Without metrics: for hosts that publish none (benchmarks' plain handlers). */
    public SubmissionsApi(InstrumentCatalog catalog, SubmissionService submissions, Json json, int maxBodyBytes) {
        this(catalog, submissions, json, maxBodyBytes, new SubmissionMetrics(Metrics.none()));
    }

    public SubmissionsApi(InstrumentCatalog catalog, SubmissionService submissions, Json json, int maxBodyBytes,
                          SubmissionMetrics metrics) {
        this.metrics = metrics;
        this.catalog = catalog;
        this.submissions = submissions;
        this.json = json;
        this.problems = new Problems(json);
        this.bodies = new JsonBodies(json, maxBodyBytes, "submission");
    }

    public int maxBodyBytes() {
        return bodies.maxBodyBytes();
    }

    /**
     * The operations of the survey API by route key, as its contract (openapi/survey-api.yaml) declares them;
     * OpenApiContractTest checks that they are the same.
     */
    private RouteTable routes() {
        return new RouteTable(Map.of(
                "GET /v1/instruments", (request, path) -> listInstruments(request.header("If-None-Match")),
                "GET /v1/instruments/{instrumentId}", (request, path) ->
                        latestInstrument(path.get("instrumentId"), request.header("If-None-Match")),
                "GET /v1/instruments/{instrumentId}/versions/{version}", (request, path) ->
                        instrumentVersion(path.get("instrumentId"), path.get("version"), request.header("If-None-Match")),
                "GET /v1/instruments/{instrumentId}/versions/{version}/submission-schema", (request, path) ->
                        submissionSchema(path.get("instrumentId"), path.get("version"), request.header("If-None-Match")),
                "POST /v1/instruments/{instrumentId}/submissions", (request, path) ->
                        submit(path.get("instrumentId"), request.header("Content-Type"), request.body(), request.path()),
                "POST /v1/instruments/{instrumentId}/versions/{version}/pilot-submissions", (request, path) ->
                        submitPilot(path.get("instrumentId"), path.get("version"), request.header("Content-Type"),
                                request.body(), request.path())));
    }

    /** Answers a request: on the route key its host matched (Lambda), otherwise by method and path. */
    public ApiResponse route(ApiRequest request) {
        return routes.dispatch(request, problems);
    }

    /** Whether this API has an operation at the path (a host serving several APIs asks). */
    public boolean knowsPath(String path) {
        return routes.knowsPath(path);
    }

    /** Every operation's route key. */
    public java.util.Set<String> routeKeys() {
        return routes.routeKeys();
    }

    public ApiResponse listInstruments(Optional<String> ifNoneMatch) {
        return conditionalGet("list", ifNoneMatch, () -> {
            ObjectNode body = json.mapper().createObjectNode();
            ArrayNode list = body.putArray("instruments");
            for (InstrumentCatalog.Summary summary : catalog.summaries()) {
                ObjectNode entry = list.addObject();
                entry.put("id", summary.id());
                entry.set("title", json.mapper().valueToTree(summary.title()));
                entry.put("latestVersion", summary.latestVersion());
                summary.versions().forEach(entry.putArray("versions")::add);
                entry.put("href", "/v1/instruments/" + summary.id());
            }
            return Representation.of(json.write(body), LIST_CACHE);
        });
    }

    public ApiResponse latestInstrument(String instrumentId, Optional<String> ifNoneMatch) {
        Optional<Instrument> latest = catalog.latestPublished(instrumentId);
        if (latest.isEmpty()) {
            return problems.response(Problems.notFound("no published instrument '" + instrumentId + "'"),
                    "/v1/instruments/" + instrumentId);
        }
        Instrument instrument = latest.get();
        return conditionalGet("latest/" + instrumentId, ifNoneMatch,
                () -> Representation.of(json.write(instrument), LATEST_CACHE));
    }

    public ApiResponse instrumentVersion(String instrumentId, String version, Optional<String> ifNoneMatch) {
        String path = "/v1/instruments/" + instrumentId + "/versions/" + version;
        return servedVersion(instrumentId, version)
                .map(instrument -> conditionalGet("version/" + instrumentId + "/" + instrument.version(), ifNoneMatch,
                        () -> Representation.of(json.write(instrument), cacheOf(instrument))))
                .orElseGet(() -> problems.response(Problems.notFound(
                        "instrument '" + instrumentId + "' has no version '" + version + "'"), path));
    }

    public ApiResponse submissionSchema(String instrumentId, String version, Optional<String> ifNoneMatch) {
        String path = "/v1/instruments/" + instrumentId + "/versions/" + version + "/submission-schema";
        return servedVersion(instrumentId, version)
                .map(instrument -> conditionalGet("schema/" + instrumentId + "/" + instrument.version(), ifNoneMatch,
                        () -> Representation.of(json.write(SubmissionSchema.of(instrument)), cacheOf(instrument)),
                        "application/schema+json"))
                .orElseGet(() -> problems.response(Problems.notFound(
                        "instrument '" + instrumentId + "' has no version '" + version + "'"), path));
    }

    /** POST a submission: 201 first time, 200 with the same receipt on a retry, problem+json otherwise. */
    public ApiResponse submit(String instrumentId, Optional<String> contentType, byte[] body, String path) {
        ApiResponse response = doSubmit(instrumentId, contentType, body, path);
        LOG.info("submission answered status={} instrument={}", response.status(), instrumentId);
        return response;
    }

    /**
     * POST a pilot submission to a pilot version: stored apart from real submissions, never counted in published
     * figures; the same answers as {@link #submit} (201, 200 on a retry, 400, 404 when the version is not a pilot,
     * 409, 410 when it is retired, 413, 415, 503).
     */
    public ApiResponse submitPilot(String instrumentId, String version, Optional<String> contentType, byte[] body,
                                   String path) {
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException notANumber) {
            return reject(Problems.notFound("instrument '" + instrumentId + "' has no pilot version '" + version + "'"), path);
        }
        ApiResponse response = doSubmit(instrumentId, contentType, body, path,
                parsed -> submissions.receivePilot(instrumentId, number, parsed));
        LOG.info("pilot submission answered status={} instrument={} version={}", response.status(), instrumentId, number);
        return response;
    }

    private ApiResponse doSubmit(String instrumentId, Optional<String> contentType, byte[] body, String path) {
        return doSubmit(instrumentId, contentType, body, path, parsed -> submissions.receive(instrumentId, parsed));
    }

    private ApiResponse doSubmit(String instrumentId, Optional<String> contentType, byte[] body, String path,
                                 java.util.function.Function<JsonNode, SubmissionOutcome> receive) {
        JsonBodies.Outcome read = bodies.read(contentType, body);
        if (read instanceof JsonBodies.Rejected rejected) {
            return reject(rejected.problem(), path);
        }
        JsonNode parsed = ((JsonBodies.Parsed) read).value();
        SubmissionOutcome outcome;
        try {
            outcome = receive.apply(parsed);
        } catch (RuntimeException storageFailure) {
            LOG.error("submission could not be stored instrument={} error={}", instrumentId,
                    storageFailure.getClass().getSimpleName(), storageFailure);
            return reject(Problem.of(503, "storage-unavailable", "Temporarily unavailable",
                    "the submission was not stored; retry with the same submissionId"), path);
        }
        if (outcome instanceof SubmissionOutcome.Accepted accepted) {
            if (accepted.created()) {
                metrics.stored(accepted.receipt().instrumentId(), accepted.receipt().instrumentVersion());
            } else {
                metrics.replayed(accepted.receipt().instrumentId(), accepted.receipt().instrumentVersion());
            }
            return new ApiResponse(accepted.created() ? 201 : 200,
                    Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
                    json.write(receiptBody(accepted.receipt())));
        }
        if (outcome instanceof SubmissionOutcome.Invalid invalid) {
            return reject(Problem.of(400, "invalid-submission", "Invalid submission",
                    invalid.errors().size() + " field(s) are invalid; see errors").withErrors(invalid.errors()), path);
        }
        if (outcome instanceof SubmissionOutcome.UnknownInstrument unknown) {
            return reject(Problems.notFound(unknown.detail()), path);
        }
        if (outcome instanceof SubmissionOutcome.Retired retired) {
            return reject(Problem.of(410, "instrument-retired", "Instrument version retired", retired.detail()), path);
        }
        SubmissionOutcome.Conflict conflict = (SubmissionOutcome.Conflict) outcome;
        metrics.conflicted(instrumentId);
        return problems.response(Problem.of(409, "submission-id-conflict", "Submission id already used",
                "submission " + conflict.submissionId() + " was stored earlier with different content;"
                        + " generate a new submissionId for a new submission"), path);
    }

    private ApiResponse reject(Problem problem, String path) {
        metrics.rejected(problem.type().substring(problem.type().lastIndexOf('/') + 1));
        return problems.response(problem, path);
    }

    private ObjectNode receiptBody(Receipt receipt) {
        ObjectNode body = json.mapper().createObjectNode();
        body.put("submissionId", receipt.submissionId().toString());
        body.put("instrumentId", receipt.instrumentId());
        body.put("instrumentVersion", receipt.instrumentVersion());
        body.put("receivedOn", receipt.receivedOn().toString());
        body.put("status", "stored");
        return body;
    }

    /**
     * A published version never changes: cached for good. A pilot is retired one day and a retired version's
     * status changed once, so both are cached briefly (their content, pinned by the index, never changes).
     */
    private static String cacheOf(Instrument instrument) {
        return instrument.status() == InstrumentStatus.PUBLISHED ? IMMUTABLE_CACHE : LATEST_CACHE;
    }

    /** Pilot, published or retired: served at its version URL (a draft is not served: 404). */
    private Optional<Instrument> servedVersion(String instrumentId, String version) {
        try {
            return catalog.served(instrumentId, Integer.parseInt(version));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private ApiResponse conditionalGet(String key, Optional<String> ifNoneMatch, Supplier<Representation> build) {
        return conditionalGet(key, ifNoneMatch, build, "application/json");
    }

    private ApiResponse conditionalGet(String key, Optional<String> ifNoneMatch, Supplier<Representation> build,
                                       String contentType) {
        Representation representation = representations.computeIfAbsent(key, ignored -> build.get());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", representation.etag());
        headers.put("Cache-Control", representation.cacheControl());
        if (representation.matches(ifNoneMatch.orElse(null))) {
            return new ApiResponse(304, headers, new byte[0]);
        }
        headers.put("Content-Type", contentType);
        return new ApiResponse(200, headers, representation.body());
    }



    /** Exercises the validation and serialisation paths without storing anything (SnapStart priming). */
    public void warmUp(JsonNode sampleBody, String instrumentId) {
        catalog.latestPublished(instrumentId).ifPresent(instrument -> {
            SubmissionValidator.parseEnvelope(sampleBody).envelope()
                    .ifPresent(envelope -> SubmissionValidator.validateAnswers(instrument, envelope));
            json.write(receiptBody(new Receipt(UUID.randomUUID(), instrumentId, instrument.version(), LocalDate.now())));
        });
    }
}
