package io.fleetdiag.processor.history;

import io.fleetdiag.processor.codec.BinarySerde;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.TerminalAlert;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;

/**
 * One alert episode as the history keeps it: its RAISED, UPDATED and RESOLVED edges folded into one
 * entry. Type and severity are kept as names, so a symbol a newer writer added reads as it was written.
 */
public record AlertEpisode(String alertId, String poiid, String merchantAccount, String store, String type, String severity,
                           String summary, boolean active, Instant raisedAt, Instant updatedAt, Instant resolvedAt,
                           String acknowledgedBy, boolean silenced) {

    /** The table's format: the fields in order, strings as written. */
    public static final BinarySerde<AlertEpisode> SERDE = new BinarySerde<>(1, AlertEpisode::write, (in, version) -> read(in));

    /** The episode as its first edge seen starts it. */
    static AlertEpisode of(TerminalAlert edge) {
        boolean resolved = edge.getStatus() == AlertStatus.RESOLVED;
        return new AlertEpisode(edge.getAlertId(), edge.getPoiid(), edge.getMerchantAccount(), edge.getStore(), edge.getType().name(),
                edge.getSeverity().name(), edge.getSummary(), !resolved, edge.getRaisedAt(), edge.getEventTime(),
                resolved ? resolvedAt(edge) : null, edge.getAcknowledgedBy(), edge.getSilenced());
    }

    /**
     * This episode with a later edge applied. An edge older than what is known (a replay, or a RAISED
     * behind its RESOLVED) changes nothing: an episode never reopens.
     */
    AlertEpisode with(TerminalAlert edge) {
        if (edge.getEventTime().isBefore(updatedAt) || !active) {
            return this;
        }
        boolean resolved = edge.getStatus() == AlertStatus.RESOLVED;
        return new AlertEpisode(alertId, poiid, merchantAccount, store, type, edge.getSeverity().name(), edge.getSummary(), !resolved,
                raisedAt, edge.getEventTime(), resolved ? resolvedAt(edge) : null,
                edge.getAcknowledgedBy() != null ? edge.getAcknowledgedBy() : acknowledgedBy, edge.getSilenced());
    }

    /** Whether it ended before {@code cutoff} (an open episode never expires). */
    boolean endedBefore(Instant cutoff) {
        return !active && resolvedAt.isBefore(cutoff);
    }

    private static Instant resolvedAt(TerminalAlert edge) {
        return edge.getResolvedAt() != null ? edge.getResolvedAt() : edge.getEventTime();
    }

    private static void write(AlertEpisode episode, DataOutputStream out) throws IOException {
        out.writeUTF(episode.alertId());
        BinarySerde.writeNullable(out, episode.poiid());
        BinarySerde.writeNullable(out, episode.merchantAccount());
        BinarySerde.writeNullable(out, episode.store());
        out.writeUTF(episode.type());
        out.writeUTF(episode.severity());
        out.writeUTF(episode.summary());
        out.writeBoolean(episode.active());
        BinarySerde.writeInstant(out, episode.raisedAt());
        BinarySerde.writeInstant(out, episode.updatedAt());
        out.writeBoolean(episode.resolvedAt() != null);
        if (episode.resolvedAt() != null) {
            BinarySerde.writeInstant(out, episode.resolvedAt());
        }
        BinarySerde.writeNullable(out, episode.acknowledgedBy());
        out.writeBoolean(episode.silenced());
    }

    private static AlertEpisode read(DataInputStream in) throws IOException {
        return new AlertEpisode(in.readUTF(), BinarySerde.readNullable(in), BinarySerde.readNullable(in), BinarySerde.readNullable(in),
                in.readUTF(), in.readUTF(), in.readUTF(), in.readBoolean(), BinarySerde.readInstant(in), BinarySerde.readInstant(in),
                in.readBoolean() ? BinarySerde.readInstant(in) : null, BinarySerde.readNullable(in), in.readBoolean());
    }
}
