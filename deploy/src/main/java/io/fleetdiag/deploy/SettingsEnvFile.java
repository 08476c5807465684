package io.fleetdiag.deploy;

import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.Setting;
import io.fleetdiag.service.SettingsDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's settings ConfigMap, as the env file a kustomize {@code configMapGenerator} reads: the values
 * the cluster needs set, then every other declared setting commented out at its default with its meaning,
 * so an operator sees every knob without a hand-kept list. Overlays change values with a {@code merge}.
 */
public final class SettingsEnvFile {

    private SettingsEnvFile() {
    }

    /** @throws IllegalArgumentException when the workload sets a key its settings model does not declare */
    public static String render(Workload workload) {
        List<String> lines = new ArrayList<>();
        lines.add("# GENERATED from the settings model of the " + workload.name() + " (docs/configuration.md) by io.fleetdiag.deploy.DeployKit:");
        lines.add("# do not edit. Overlays change values with a configMapGenerator merge; secrets come from Secrets, never from here.");
        lines.add("#");
        lines.add("# Set for Kubernetes:");
        for (Map.Entry<String, String> entry : workload.kubernetes().entrySet()) {
            requireDeclared(workload, entry.getKey());
            lines.add(ServiceConfig.environmentName(entry.getKey()) + "=" + entry.getValue());
        }
        for (SettingsDefinition definition : workload.definitions()) {
            lines.add("#");
            lines.add("# " + definition.title() + ":");
            for (Setting setting : definition.settings()) {
                if (workload.kubernetes().containsKey(setting.key())) {
                    continue;
                }
                String shown = setting.secret() ? "(a secret: from a Secret, never here)"
                        : setting.defaultText().map(text -> text.isEmpty() ? "" : text).orElse("(no default)");
                lines.add("# " + ServiceConfig.environmentName(setting.key()) + "=" + shown + "    " + oneLine(setting.doc()));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static void requireDeclared(Workload workload, String key) {
        boolean declared = key.startsWith("kafka.") || workload.definitions().stream()
                .flatMap(definition -> definition.settings().stream()).anyMatch(setting -> setting.key().equals(key));
        if (!declared) {
            throw new IllegalArgumentException("The " + workload.name() + " has no setting " + key + " to set in its ConfigMap");
        }
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace("`", "");
    }
}
