package io.fleetdiag.notifier.routing;

import io.fleetdiag.notifier.routing.Routing.ReceiverSpec;
import io.fleetdiag.notifier.routing.Routing.ReceiverType;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a {@link RoutingFile} as written and builds the {@link Routing}; the first problem stops the start with its place in the file. */
final class RoutingValidation {

    private static final Set<String> TYPES = Set.of(Arrays.stream(AlertType.values()).map(Enum::name).toArray(String[]::new));
    private static final Set<String> SEVERITIES = Set.of(Arrays.stream(Severity.values()).map(Enum::name).toArray(String[]::new));

    private final String source;
    private final Map<String, String> environment;

    RoutingValidation(String source, Map<String, String> environment) {
        this.source = source;
        this.environment = environment;
    }

    Routing validate(RoutingFile raw) {
        List<ReceiverSpec> receivers = receivers(raw.receivers() == null ? List.of() : raw.receivers());
        Set<String> names = new HashSet<>();
        receivers.forEach(receiver -> names.add(receiver.name()));
        List<RoutingFile.RouteEntry> rawRoutes = raw.routes() == null ? List.of() : raw.routes();
        if (rawRoutes.isEmpty()) {
            throw problem("routes", "no routes: add one, e.g. `- {match: {}, receivers: [" + receivers.get(0).name() + "]}`");
        }
        List<Routing.Route> routes = new ArrayList<>();
        for (int i = 0; i < rawRoutes.size(); i++) {
            RoutingFile.RouteEntry route = rawRoutes.get(i);
            String at = "routes[" + i + "]";
            if (route.receivers() == null || route.receivers().isEmpty()) {
                throw problem(at + ".receivers", "a route needs at least one receiver");
            }
            for (String receiver : route.receivers()) {
                if (!names.contains(receiver)) {
                    throw problem(at + ".receivers", "no receiver is named '" + receiver + "'; the receivers are " + names);
                }
            }
            routes.add(new Routing.Route(match(at + ".match", route.match()), route.receivers()));
        }
        RoutingFile.GroupingEntry grouping = raw.grouping() == null ? new RoutingFile.GroupingEntry(null, null) : raw.grouping();
        RoutingFile.InhibitionEntry inhibition = raw.inhibition() == null ? new RoutingFile.InhibitionEntry(null, null) : raw.inhibition();
        List<MaintenanceWindow> windows = new ArrayList<>();
        List<RoutingFile.MaintenanceEntry> rawWindows = raw.maintenance() == null ? List.of() : raw.maintenance();
        for (int i = 0; i < rawWindows.size(); i++) {
            windows.add(window("maintenance[" + i + "]", rawWindows.get(i)));
        }
        Optional<Duration> reminder = Optional.ofNullable(raw.reminder()).map(RoutingFile.ReminderEntry::criticalUnacknowledgedAfter)
                .map(text -> positive("reminder.criticalUnacknowledgedAfter", text));
        return new Routing(receivers, routes,
                new Routing.Grouping(duration("grouping.groupWait", grouping.groupWait(), "30s"),
                        positive("grouping.groupInterval", grouping.groupInterval() == null ? "5m" : grouping.groupInterval())),
                new Routing.Inhibition(!Boolean.FALSE.equals(inhibition.storeDegraded()), !Boolean.FALSE.equals(inhibition.connectivitySourceLost())),
                windows, reminder);
    }

    private List<ReceiverSpec> receivers(List<RoutingFile.ReceiverEntry> raw) {
        if (raw.isEmpty()) {
            throw problem("receivers", "no receivers: add an alertmanager, webhook or pagerduty receiver");
        }
        List<ReceiverSpec> receivers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            RoutingFile.ReceiverEntry entry = raw.get(i);
            String at = "receivers[" + i + "]";
            if (entry.name() == null || entry.name().isBlank()) {
                throw problem(at + ".name", "every receiver needs a name");
            }
            if (!names.add(entry.name())) {
                throw problem(at + ".name", "two receivers are named '" + entry.name() + "'");
            }
            ReceiverType type = receiverType(at + ".type", entry.type());
            Optional<String> secret = secret(at, entry);
            if (type == ReceiverType.PAGERDUTY && secret.isEmpty()) {
                throw problem(at, "a pagerduty receiver needs its routing key: secretEnv (an environment variable) or secretFile");
            }
            if (type == ReceiverType.WEBHOOK && secret.isEmpty()) {
                throw problem(at, "a webhook receiver is always signed: give its secret (whsec_...) with secretEnv (an environment variable)"
                        + " or secretFile");
            }
            if (type != ReceiverType.WEBHOOK && entry.group() != null) {
                throw problem(at + ".group", "only webhook receivers are grouped by fleetdiag (Alertmanager groups itself,"
                        + " PagerDuty takes one event per alert)");
            }
            receivers.add(new ReceiverSpec(entry.name(), type, url(at + ".url", entry.url()), secret,
                    type == ReceiverType.WEBHOOK && !Boolean.FALSE.equals(entry.group())));
        }
        return receivers;
    }

    private ReceiverType receiverType(String at, String text) {
        try {
            return ReceiverType.valueOf(String.valueOf(text).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw problem(at, "must be alertmanager, webhook or pagerduty, not '" + text + "'");
        }
    }

    /** The secret itself never appears in a message: only where it was looked for. */
    private Optional<String> secret(String at, RoutingFile.ReceiverEntry entry) {
        if (entry.secretEnv() != null && entry.secretFile() != null) {
            throw problem(at, "give secretEnv or secretFile, not both");
        }
        if (entry.secretEnv() != null) {
            String value = environment.get(entry.secretEnv());
            if (value == null || value.isBlank()) {
                throw problem(at + ".secretEnv", "the environment variable " + entry.secretEnv() + " is not set");
            }
            return Optional.of(value.trim());
        }
        if (entry.secretFile() != null) {
            try {
                String value = Files.readString(Path.of(entry.secretFile())).trim();
                if (value.isEmpty()) {
                    throw problem(at + ".secretFile", entry.secretFile() + " is empty");
                }
                return Optional.of(value);
            } catch (IOException e) {
                throw problem(at + ".secretFile", "cannot read " + entry.secretFile() + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private URI url(String at, String text) {
        URI uri;
        try {
            uri = new URI(String.valueOf(text));
        } catch (URISyntaxException e) {
            throw problem(at, "must be an http:// or https:// URL, not '" + text + "'");
        }
        if (uri.getUserInfo() != null) {
            // the value is not repeated: it holds a credential
            throw problem(at, "must not carry credentials (user:password@); a URL is logged, a secret goes in secretEnv or secretFile");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw problem(at, "must be an http:// or https:// URL with a host, not '" + text + "'");
        }
        return uri;
    }

    private Match match(String at, Match match) {
        if (match == null) {
            return Match.ALL;
        }
        match.type().stream().filter(type -> !TYPES.contains(type)).findFirst().ifPresent(type -> {
            throw problem(at + ".type", "no alert type is named '" + type + "'; see docs/alerts.md");
        });
        match.severity().stream().filter(severity -> !SEVERITIES.contains(severity)).findFirst().ifPresent(severity -> {
            throw problem(at + ".severity", "must be INFO, WARNING or CRITICAL, not '" + severity + "'");
        });
        return match;
    }

    private MaintenanceWindow window(String at, RoutingFile.MaintenanceEntry entry) {
        if (entry.name() == null || entry.name().isBlank()) {
            throw problem(at + ".name", "every maintenance window needs a name");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(entry.zone() == null ? "UTC" : entry.zone());
        } catch (DateTimeException e) {
            throw problem(at + ".zone", "not a time zone: '" + entry.zone() + "' (e.g. Europe/Amsterdam)");
        }
        if (entry.weekly() == null || entry.weekly().isEmpty()) {
            throw problem(at + ".weekly", "a maintenance window needs at least one weekly span, e.g. {days: [MON], from: \"22:00\", to: \"06:00\"}");
        }
        List<WeeklyWindow> spans = new ArrayList<>();
        for (int i = 0; i < entry.weekly().size(); i++) {
            RoutingFile.WeeklyEntry span = entry.weekly().get(i);
            String spanAt = at + ".weekly[" + i + "]";
            spans.add(new WeeklyWindow(days(spanAt + ".days", span.days()), time(spanAt + ".from", span.from()), time(spanAt + ".to", span.to())));
        }
        return new MaintenanceWindow(entry.name(), match(at + ".match", entry.match()), zone, spans);
    }

    private Set<DayOfWeek> days(String at, List<String> days) {
        if (days == null || days.isEmpty()) {
            throw problem(at, "name at least one day: MON, TUE, WED, THU, FRI, SAT, SUN");
        }
        Set<DayOfWeek> parsed = new HashSet<>();
        for (String day : days) {
            parsed.add(Arrays.stream(DayOfWeek.values()).filter(value -> value.name().startsWith(day.toUpperCase(Locale.ROOT)) && day.length() >= 3)
                    .findFirst().orElseThrow(() -> problem(at, "not a day: '" + day + "' (MON, TUE, WED, THU, FRI, SAT, SUN)")));
        }
        return parsed;
    }

    private LocalTime time(String at, String text) {
        try {
            return LocalTime.parse(String.valueOf(text));
        } catch (DateTimeException e) {
            throw problem(at, "must be a time of day as HH:MM, not '" + text + "'");
        }
    }

    private Duration positive(String at, String text) {
        Duration duration = duration(at, text, null);
        if (duration.isZero() || duration.isNegative()) {
            throw problem(at, "must be above zero, not '" + text + "'");
        }
        return duration;
    }

    private Duration duration(String at, String text, String fallback) {
        String value = text == null ? fallback : text;
        try {
            return ServiceConfig.of(Map.of(at, value)).duration(at);
        } catch (ConfigurationException e) {
            throw problem(at, "must be a duration like 30s, 5m or 2h, not '" + value + "'");
        }
    }

    private ConfigurationException problem(String at, String message) {
        return new ConfigurationException(source + " at " + at + ": " + message);
    }
}
