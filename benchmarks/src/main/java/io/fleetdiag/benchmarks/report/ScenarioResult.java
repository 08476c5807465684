package io.fleetdiag.benchmarks.report;

import java.util.List;
import java.util.Map;

/** What one scenario measured, with the parameters it ran with; or why it could not finish. */
public record ScenarioResult(String scenario, String description, Map<String, Object> parameters, List<Figure> figures,
                             double seconds, String error) {

    public ScenarioResult(String scenario, String description, Map<String, Object> parameters, List<Figure> figures, double seconds) {
        this(scenario, description, parameters, figures, seconds, null);
    }

    public static ScenarioResult failed(String scenario, double seconds, Exception cause) {
        return new ScenarioResult(scenario, "did not finish", Map.of(), List.of(), seconds, cause.toString());
    }

    public boolean targetsMet() {
        return error == null && figures.stream().allMatch(figure -> figure.met() == null || figure.met());
    }
}
