package io.fleetdiag.processor.history;

import io.fleetdiag.processor.codec.BinarySerde;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recent alert episodes of one subject (a terminal, or the store or scope of their own alerts),
 * newest first, bounded: at most {@code max} of them, and none resolved longer ago than the retention.
 */
public record AlertHistory(List<AlertEpisode> episodes) {

    /** Newest first by when the episode started, the alertId breaking ties: a stable order for paging. */
    private static final Comparator<AlertEpisode> NEWEST_FIRST = Comparator.comparing(AlertEpisode::raisedAt).reversed()
            .thenComparing(AlertEpisode::alertId);

    public static final AlertHistory EMPTY = new AlertHistory(List.of());

    public AlertHistory {
        episodes = List.copyOf(episodes);
    }

    /** This history with an edge folded in, then trimmed as of the edge's time. An UNKNOWN edge changes nothing. */
    public AlertHistory with(TerminalAlert edge, Duration retention, int max) {
        if (edge.getStatus() == AlertStatus.UNKNOWN) {
            return this;
        }
        List<AlertEpisode> all = new ArrayList<>(episodes.size() + 1);
        boolean known = false;
        for (AlertEpisode episode : episodes) {
            boolean same = episode.alertId().equals(edge.getAlertId());
            known |= same;
            all.add(same ? episode.with(edge) : episode);
        }
        if (!known) {
            all.add(AlertEpisode.of(edge));
        }
        return new AlertHistory(all).trimmed(edge.getEventTime(), retention, max);
    }

    /** Without the episodes resolved before {@code now - retention}, and at most the {@code max} newest. */
    public AlertHistory trimmed(Instant now, Duration retention, int max) {
        Instant cutoff = now.minus(retention);
        return new AlertHistory(episodes.stream().filter(episode -> !episode.endedBefore(cutoff)).sorted(NEWEST_FIRST).limit(max).toList());
    }

    public static final BinarySerde<AlertHistory> SERDE = new BinarySerde<>(1,
            (value, out) -> {
                out.writeInt(value.episodes().size());
                for (AlertEpisode episode : value.episodes()) {
                    AlertEpisode.write(episode, out);
                }
            },
            (in, version) -> {
                int count = in.readInt();
                List<AlertEpisode> episodes = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    episodes.add(AlertEpisode.read(in));
                }
                return new AlertHistory(episodes);
            });
}
