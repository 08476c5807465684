package io.fleetdiag.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * Client for the Confluent schema-registry REST protocol, which Confluent Schema Registry, Apicurio
 * (ccompat), Redpanda and Karapace all serve. Schema ids are cached: a registered schema is asked for
 * once per subject, and a schema id is fetched once.
 */
public final class SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    private static final int CONFLICT = 409;
    private static final int CONFLICT_ATTEMPTS = 4;

    private record SubjectSchema(String subject, Schema schema) {
    }

    public SchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
        this.authorization = config.basicAuthUserInfo().map(userInfo ->
                "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }

    public URI baseUrl() {
        return config.baseUrl();
    }

    /** Registers the schema under the subject (a no-op if it is already there) and returns its id. */
    public int register(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer = registerOnce(subject, schema);
            int id = requiredInt(answer, "id");
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    /**
     * Services starting together register the same new subject at once, and Apicurio answers all but the
     * first with 409; asked again it finds the schema there. A 409 that stays is an incompatible schema.
     * The same race can also leave Apicurio 2.x holding the schema twice, after which every registration
     * of it fails with HTTP 500 ("Expected only one result but got multiple"); the schema is then found
     * among the subject's versions.
     */
    private JsonNode registerOnce(String subject, Schema schema) {
        try {
            return askedAgainOnConflict(() -> send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)));
        } catch (SchemaRegistryException e) {
            if (e.httpStatus() / 100 == 5) {
                return registeredVersionOrThrow(subject, schema, e);
            }
            throw e;
        }
    }

    /** Sends the call again while the registry answers 409, at most {@link #CONFLICT_ATTEMPTS} times. */
    private JsonNode askedAgainOnConflict(Supplier<JsonNode> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (SchemaRegistryException e) {
                if (e.httpStatus() != CONFLICT || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
                pause(200L * attempt);
            }
        }
    }

    private JsonNode registeredVersionOrThrow(String subject, Schema schema, SchemaRegistryException refusal) {
        try {
            return registeredVersion(subject, schema).orElseThrow(() -> refusal);
        } catch (SchemaRegistryException lookupFailed) {
            if (lookupFailed != refusal) {
                refusal.addSuppressed(lookupFailed);
            }
            throw refusal;
        }
    }

    /** The newest version of the subject that holds exactly this schema, with its id. */
    private Optional<JsonNode> registeredVersion(String subject, Schema schema) {
        JsonNode versions = send("GET", "/subjects/" + encode(subject) + "/versions", null);
        for (int i = versions.size() - 1; i >= 0; i--) {
            JsonNode version = send("GET", "/subjects/" + encode(subject) + "/versions/" + versions.get(i).asInt(), null);
            String text = version.path("schema").asText(null);
            if (text != null && version.has("id") && new Schema.Parser().parse(text).equals(schema)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** Returns the id of a schema already registered under the subject, without registering it. */
    public int lookup(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer;
            try {
                answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
            } catch (SchemaRegistryException e) {
                if (e.httpStatus() / 100 != 5) {
                    throw e;
                }
                answer = registeredVersionOrThrow(subject, schema, e);
            }
            int id = requiredInt(answer, "id");
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    /** Returns the schema with this id. */
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            JsonNode answer = send("GET", "/schemas/ids/" + id, null);
            String text = answer.path("schema").asText(null);
            if (text == null) {
                throw new SchemaRegistryException("Registry " + config.baseUrl() + " answered schema id " + id
                        + " without a schema", 200, -1);
            }
            try {
                return new Schema.Parser().parse(text);
            } catch (RuntimeException e) {
                throw new SchemaRegistryException("Schema id " + id + " at " + config.baseUrl()
                        + " is not an Avro schema: " + e.getMessage(), e);
            }
        });
    }

    /** Whether the schema may be registered under the subject by the subject's compatibility rule. */
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
        return answer.path("is_compatible").asBoolean(false);
    }

    /** Sets the compatibility rule of one subject. */
    public void setCompatibility(String subject, CompatibilityLevel level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
        // services starting together set the rule at once: Apicurio answers all but the first with 409
        // ("A rule named 'COMPATIBILITY' already exists"); asked again it updates the rule it now has
        askedAgainOnConflict(() -> send("PUT", "/config/" + encode(subject), body.toString()));
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int requiredInt(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException("Registry answer has no '" + field + "': " + answer, 200, -1);
        }
        return value.intValue();
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpRequest built = request.build();

        SchemaRegistryException last = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(100L << (attempt - 2));
            }
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                last = refusal(method, path, response);
                if (!last.isTransient()) {
                    throw last;
                }
            } catch (IOException e) {
                last = new SchemaRegistryException("Schema registry unreachable at " + config.baseUrl()
                        + " (" + method + " " + path + "): " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while calling the schema registry at " + config.baseUrl(), e);
            }
        }
        throw last;
    }

    private SchemaRegistryException refusal(String method, String path, HttpResponse<String> response) {
        int errorCode = -1;
        String message = response.body();
        try {
            JsonNode error = JSON.readTree(response.body());
            errorCode = error.path("error_code").asInt(-1);
            message = error.path("message").asText(message);
        } catch (IOException | RuntimeException notJson) {
            // the raw body is the best explanation there is
        }
        return new SchemaRegistryException("Schema registry " + config.baseUrl() + " refused " + method + " " + path
                + ": HTTP " + response.statusCode() + " error_code " + errorCode + ": " + message,
                response.statusCode(), errorCode);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while waiting to retry the schema registry", e);
        }
    }
}
