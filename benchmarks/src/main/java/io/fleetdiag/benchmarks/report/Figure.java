package io.fleetdiag.benchmarks.report;

/**
 * One measured figure. A figure held to a goal names its baseline (what it is compared with, measured
 * in the same run or the bound the goal is stated against), the ratio value/baseline, the target on
 * that ratio or value, and whether it was met.
 */
public record Figure(String name, double value, String unit, String baselineName, Double baseline, Double ratio, String target,
                     Boolean met) {

    /** A figure for context, not held to a goal. */
    public static Figure info(String name, double value, String unit) {
        return new Figure(name, value, unit, null, null, null, null, null);
    }

    /** A figure beside its baseline, with the ratio and the target it is held to. */
    public static Figure against(String name, double value, String unit, String baselineName, double baseline, String target,
                                 boolean met) {
        return new Figure(name, value, unit, baselineName, baseline, baseline == 0 ? null : value / baseline, target, met);
    }

    /** A figure beside its baseline, with the ratio, held to no target (a cost to know, not a goal). */
    public static Figure beside(String name, double value, String unit, String baselineName, double baseline) {
        return new Figure(name, value, unit, baselineName, baseline, baseline == 0 ? null : value / baseline, null, null);
    }

    /** A figure held to a target without a baseline (e.g. violations must be 0). */
    public static Figure target(String name, double value, String unit, String target, boolean met) {
        return new Figure(name, value, unit, null, null, null, target, met);
    }
}
