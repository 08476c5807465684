package io.fleetdiag.notifier.routing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fleetdiag.service.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The notifier's routing file as written (YAML): receivers, routes, grouping, inhibition, maintenance
 * windows and the reminder. {@link RoutingValidation} turns it into {@link Routing} or says, naming the
 * place in the file, what is wrong. The format is described in docs/notifications.md.
 */
public record RoutingFile(List<ReceiverEntry> receivers, List<RouteEntry> routes, GroupingEntry grouping, InhibitionEntry inhibition,
                          List<MaintenanceEntry> maintenance, ReminderEntry reminder) {

    private static final ObjectMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY).build();

    /**
     * A door to people's tools.
     *
     * @param type       alertmanager, webhook or pagerduty
     * @param secretEnv  the environment variable holding the webhook's signing secret or PagerDuty's routing key
     * @param secretFile or the file holding it
     * @param group      whether notifications are grouped per store (webhook only; on by default)
     */
    public record ReceiverEntry(String name, String type, String url, String secretEnv, String secretFile, Boolean group) {
    }

    /** Notifications that match go to each of the receivers; every matching route counts. */
    public record RouteEntry(Match match, List<String> receivers) {
    }

    public record GroupingEntry(String groupWait, String groupInterval) {
    }

    public record InhibitionEntry(Boolean storeDegraded, Boolean connectivitySourceLost) {
    }

    public record MaintenanceEntry(String name, Match match, String zone, List<WeeklyEntry> weekly) {
    }

    /** @param days MON to SUN; {@code from} and {@code to} as HH:MM */
    public record WeeklyEntry(List<String> days, String from, String to) {
    }

    /** @param criticalUnacknowledgedAfter remind (and then every so often) while a CRITICAL alert stays unacknowledged */
    public record ReminderEntry(String criticalUnacknowledgedAfter) {
    }

    /** Reads and validates the file; every problem is a {@link ConfigurationException} naming the file and the place in it. */
    public static Routing load(Path file, Map<String, String> environment) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the notifier's routing file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), text, environment);
    }

    public static Routing parse(String source, String text, Map<String, String> environment) {
        RoutingFile raw;
        try {
            raw = YAML.readValue(text, RoutingFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigurationException(source + ": unknown field '" + e.getPropertyName() + "'" + at(e) + "; known fields: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")), e);
        } catch (JsonMappingException e) {
            throw new ConfigurationException(source + ": " + e.getOriginalMessage() + at(e), e);
        } catch (IOException e) {
            throw new ConfigurationException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (raw == null) {
            throw new ConfigurationException(source + " is empty: it needs at least receivers and routes");
        }
        return new RoutingValidation(source, environment).validate(raw);
    }

    private static String at(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : " at " + path;
    }
}
