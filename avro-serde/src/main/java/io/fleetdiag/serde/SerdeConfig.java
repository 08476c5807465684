package io.fleetdiag.serde;

/**
 * Configuration keys of the serde. They are Confluent's own names, so a configuration written for
 * Confluent's KafkaAvroSerializer works unchanged here and the other way round.
 */
public final class SerdeConfig {

    /** Base URL of the registry's Confluent-compatible API, e.g. {@code http://host:8080/apis/ccompat/v6}. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register the writer schema on first use (default true); when false it must already be registered. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** {@code user:password} for HTTP basic authentication, as Confluent Cloud and secured registries need. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Per-request timeout towards the registry in milliseconds (default 10000). */
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    /** Attempts per registry request when the registry is unreachable or answers 5xx (default 3). */
    public static final String MAX_ATTEMPTS = "schema.registry.max.attempts";

    private SerdeConfig() {
    }
}
