package io.fleetdiag.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a setting's value must also be, beyond its type: a range, one of some words. Kafka's
 * {@code ConfigDef.Validator} in small.
 *
 * @param description the rule as the docs and the error message state it, e.g. "at least 1"
 * @param problem     given the typed value, empty when it is fine
 */
public record SettingCheck(String description, Function<Object, Optional<String>> problem) {

    public static final SettingCheck NONE = new SettingCheck("", value -> Optional.empty());

    public static SettingCheck atLeast(double minimum) {
        return new SettingCheck("at least " + number(minimum),
                value -> ((Number) value).doubleValue() >= minimum ? Optional.empty() : Optional.of("at least " + number(minimum)));
    }

    public static SettingCheck between(double minimum, double maximum) {
        String rule = "from " + number(minimum) + " to " + number(maximum);
        return new SettingCheck(rule, value -> {
            double number = ((Number) value).doubleValue();
            return number >= minimum && number <= maximum ? Optional.empty() : Optional.of(rule);
        });
    }

    /** A duration above zero. */
    public static SettingCheck positive() {
        return new SettingCheck("above zero",
                value -> ((Duration) value).compareTo(Duration.ZERO) > 0 ? Optional.empty() : Optional.of("above zero"));
    }

    /** A duration of zero or more. */
    public static SettingCheck notNegative() {
        return new SettingCheck("zero or more",
                value -> ((Duration) value).isNegative() ? Optional.of("zero or more") : Optional.empty());
    }

    /** One of these words, in any case. */
    public static SettingCheck oneOf(String... words) {
        List<String> allowed = Arrays.asList(words);
        String rule = "one of " + String.join(", ", allowed);
        return new SettingCheck(rule, value -> allowed.contains(value.toString().toLowerCase(Locale.ROOT))
                ? Optional.empty() : Optional.of(rule));
    }

    /** One of these words, or an http(s) URL. */
    public static SettingCheck oneOfOrUrl(String... words) {
        SettingCheck word = oneOf(words);
        String rule = word.description() + " or an https:// URL";
        return new SettingCheck(rule, value -> {
            String text = value.toString();
            boolean url = text.startsWith("https://") || text.startsWith("http://");
            return url || word.problem().apply(value).isEmpty() ? Optional.empty() : Optional.of(rule);
        });
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
