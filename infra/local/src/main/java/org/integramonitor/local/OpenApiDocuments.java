package org.integramonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.integramonitor.function.http.MicronautResponses;
import org.integramonitor.function.http.Problems;
import org.integramonitor.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves every OpenAPI document found in the configured folders ({@code integra.openapi.paths}; by default
 * the API contracts, {@code classpath:openapi}): {@code /openapi/{name}.yml}
 * as {@code application/yaml} (RFC 9512) and the same document at {@code /openapi/{name}.json} as JSON, for
 * tools that read no YAML. Whatever .yml or .yaml files the folders hold are served; nothing is listed here.
 */
@Controller("/openapi")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OpenApiDocuments {

    /** A file name, no folders: the name cannot climb out of the served folders. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String CACHE = "public, max-age=60";

    private final ResourceResolver resources;
    private final List<String> folders;
    private final Problems problems;
    private final ObjectMapper yaml = new YAMLMapper();
    private final ObjectMapper json;

    public OpenApiDocuments(ResourceResolver resources, Json json,
                            @Value("${integra.openapi.paths:classpath:openapi}") List<String> folders) {
        this.resources = resources;
        this.folders = folders;
        this.problems = new Problems(json);
        this.json = json.mapper();
    }

    @Get("/{file}")
    public HttpResponse<byte[]> document(@PathVariable String file, HttpRequest<?> request) {
        String path = request.getPath();
        if (NAME.matcher(file).matches()) {
            if (file.endsWith(".yml") || file.endsWith(".yaml")) {
                Optional<byte[]> document = read(file);
                if (document.isPresent()) {
                    return ok(document.get(), "application/yaml");
                }
            } else if (file.endsWith(".json")) {
                String base = file.substring(0, file.length() - ".json".length());
                Optional<byte[]> document = read(base + ".yml").or(() -> read(base + ".yaml"));
                if (document.isPresent()) {
                    return ok(toJson(document.get()), "application/json");
                }
            }
        }
        return MicronautResponses.of(problems.response(Problems.notFound("no OpenAPI document " + path), path));
    }

    private Optional<byte[]> read(String file) {
        for (String folder : folders) {
            Optional<URL> resource = resources.getResource(folder + "/" + file);
            if (resource.isPresent()) {
                try (InputStream in = resource.get().openStream()) {
                    return Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return Optional.empty();
    }

    private byte[] toJson(byte[] document) {
        try {
            JsonNode tree = yaml.readTree(document);
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("an OpenAPI document is not YAML", e);
        }
    }

    private static MutableHttpResponse<byte[]> ok(byte[] body, String mediaType) {
        return MicronautResponses.of(new org.integramonitor.function.http.ApiResponse(200,
                Map.of("Content-Type", mediaType, "Cache-Control", CACHE), body));
    }
}
