package io.fleetdiag.processor.presence;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The online members of one scope, in memory, ordered by when a snapshot last listed them: a sighting
 * moves a member to the tail, so after a complete snapshot the members it missed are exactly those
 * before the first one it listed, and the sweep visits only them. Rebuilt from the members table (and
 * the unfinished snapshot's {@link ChunkSightings}) when a task starts, so it holds nothing the
 * changelogs do not.
 */
final class ScopeIndex {

    /** A member's presence as far as this scope's snapshots go; mutable, as it changes in place on every sighting. */
    static final class Member {
        long lastSeenSequence;
        int missed;
        long lastReportedMillis;

        Member(long lastSeenSequence, int missed, long lastReportedMillis) {
            this.lastSeenSequence = lastSeenSequence;
            this.missed = missed;
            this.lastReportedMillis = lastReportedMillis;
        }
    }

    private final LinkedHashMap<String, Member> online = new LinkedHashMap<>(16, 0.75f, true);
    private long countedSequence = -1;
    private int listed;

    /** The online member, moved to the tail as listed in snapshot {@code sequence}; null if it is not online. */
    Member sighted(String poiid, long sequence) {
        Member member = online.get(poiid);
        if (member != null) {
            count(member, sequence);
        }
        return member;
    }

    /** A member that appeared or returned in snapshot {@code sequence}. */
    void add(String poiid, Member member, long sequence) {
        online.put(poiid, member);
        count(member, sequence);
    }

    /** A member as the members table had it, not listed by the snapshot being assembled (so far). */
    void restore(String poiid, Member member) {
        online.put(poiid, member);
    }

    int live() {
        return online.size();
    }

    /** Online members that snapshot {@code sequence} has not listed (so far). */
    int missing(long sequence) {
        return online.size() - (sequence == countedSequence ? listed : 0);
    }

    /**
     * The online members, least recently listed first: those a snapshot missed come before the first one
     * it listed. Removable while iterating; iterating does not reorder.
     */
    Iterator<Map.Entry<String, Member>> leastRecentlyListedFirst() {
        return online.entrySet().iterator();
    }

    private void count(Member member, long sequence) {
        if (sequence != countedSequence) {
            countedSequence = sequence;
            listed = 0;
        }
        if (member.lastSeenSequence != sequence) {
            member.lastSeenSequence = sequence;
            listed++;
        }
    }
}
