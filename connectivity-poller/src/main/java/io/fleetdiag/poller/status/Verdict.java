package io.fleetdiag.poller.status;

import java.util.List;
import java.util.Set;

/**
 * What one poll of a scope made of its list and the status answers.
 *
 * @param listed         the list's POIIDs as a set (owned by the verdict: the next poll's comparison is built on it)
 * @param onlineByStatus terminals the list left out whose status said ONLINE: present, and each a disagreement
 * @param retryNext      terminals left without a verdict at their first chance, asked once more at the next poll
 * @param asked          status calls made
 * @param offline        of them, answered OFFLINE: the list was right
 * @param failed         of them, failed or malformed: the terminal stays as the list says
 */
public record Verdict(Set<String> listed, List<String> onlineByStatus, Set<String> retryNext, int asked, int offline, int failed) {

    /** No second opinion asked (turned off, or nothing dropped out). */
    static Verdict none(Set<String> listed) {
        return new Verdict(listed, List.of(), Set.of(), 0, 0, 0);
    }

    public Verdict {
        onlineByStatus = List.copyOf(onlineByStatus);
        retryNext = Set.copyOf(retryNext);
    }
}
