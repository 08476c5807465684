package io.fleetdiag.processor.firmware;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adyen's firmware strings as the Management API sends them ({@code "Castles_Android 1.95.5"}, {@code "V400m 1.98.3"}):
 * compared numerically by the dotted parts after the last space, so 1.100.0 is newer than 1.99.9. A string without a
 * number there cannot be compared and is never behind anything (docs/alerts.md#firmware).
 */
public final class FirmwareVersion {

    private FirmwareVersion() {
    }

    /** The numbers of the release, empty when the string has none to compare. */
    static List<Long> parts(String version) {
        if (version == null) {
            return List.of();
        }
        String release = version.substring(version.lastIndexOf(' ') + 1);
        List<Long> parts = new ArrayList<>();
        for (String part : release.split("\\.")) {
            int digits = 0;
            while (digits < part.length() && digits < 18 && Character.isDigit(part.charAt(digits))) {
                digits++;
            }
            if (digits == 0) {
                return parts.isEmpty() ? List.of() : parts;
            }
            parts.add(Long.parseLong(part.substring(0, digits)));
        }
        return parts;
    }

    /** Whether {@code version} is an older release than {@code reference}; false when either cannot be compared. */
    public static boolean behind(String version, String reference) {
        List<Long> own = parts(version);
        List<Long> other = parts(reference);
        return !own.isEmpty() && !other.isEmpty() && compare(own, other) < 0;
    }

    /** The most common version of {@code counts}; a tie goes to the newer release, so a fleet half-way through an update is not behind. */
    static Optional<String> mostCommon(Map<String, Integer> counts) {
        Comparator<Map.Entry<String, Integer>> order = Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry::getKey, (a, b) -> {
                    int byRelease = compare(parts(a), parts(b));
                    return byRelease != 0 ? byRelease : a.compareTo(b);
                });
        return counts.entrySet().stream().filter(entry -> entry.getValue() > 0).max(order).map(Map.Entry::getKey);
    }

    private static int compare(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int byPart = Long.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (byPart != 0) {
                return byPart;
            }
        }
        return 0;
    }
}
