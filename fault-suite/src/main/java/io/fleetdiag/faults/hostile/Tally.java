package io.fleetdiag.faults.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Attempts of each kind of attack and how many were refused; what got through, for the report. */
public final class Tally {

    /** Tried and refused of one kind. */
    public record Kind(int tried, int refused) {
        public Kind {
            if (tried < 0 || refused < 0 || refused > tried) {
                throw new IllegalArgumentException("Refused " + refused + " of " + tried);
            }
        }
    }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private final List<String> notRefused = new ArrayList<>();

    /** One attempt of {@code kind}: refused or not; {@code what} says what got through when it was not. */
    public synchronized void attempt(String kind, boolean refused, String what) {
        Kind before = kinds.getOrDefault(kind, new Kind(0, 0));
        kinds.put(kind, new Kind(before.tried() + 1, before.refused() + (refused ? 1 : 0)));
        if (!refused) {
            notRefused.add(kind + ": " + what);
        }
    }

    public synchronized Map<String, Kind> kinds() {
        return Map.copyOf(kinds);
    }

    /** Kinds in the order they were first tried. */
    public synchronized List<String> names() {
        return List.copyOf(kinds.keySet());
    }

    public synchronized int tried() {
        return kinds.values().stream().mapToInt(Kind::tried).sum();
    }

    public synchronized int refused() {
        return kinds.values().stream().mapToInt(Kind::refused).sum();
    }

    public synchronized List<String> notRefused() {
        return List.copyOf(notRefused);
    }
}
