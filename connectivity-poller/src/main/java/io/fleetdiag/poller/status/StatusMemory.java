package io.fleetdiag.poller.status;

import io.fleetdiag.terminalapi.DeviceStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scope's side of the second opinion, without HTTP: whom to ask, and what the answers make of them. A terminal is
 * asked when the list left it out although the scope's previous snapshot had it (listed, or online by its status), and
 * once more at the next poll when that first question got no answer (failed, timed out, or beyond the budget), which
 * covers the processor's default of two missed snapshots. A failed or missing answer leaves the terminal as the list says.
 */
final class StatusMemory {

    private Set<String> present = Set.of();
    private Set<String> retry = Set.of();

    /** The terminals to ask about this poll: those the list just dropped (or keeps dropping) first, then the second chances. */
    Candidates candidates(Set<String> listed) {
        List<String> dropped = new ArrayList<>();
        for (String poiid : present) {
            if (!listed.contains(poiid)) {
                dropped.add(poiid);
            }
        }
        List<String> secondChance = new ArrayList<>();
        for (String poiid : retry) {
            if (!listed.contains(poiid) && !present.contains(poiid)) {
                secondChance.add(poiid);
            }
        }
        return new Candidates(dropped, secondChance);
    }

    /** After the snapshot carrying {@code verdict} was committed: it is what the next poll is compared with. */
    void remember(Verdict verdict) {
        Set<String> next = verdict.listed();
        next.addAll(verdict.onlineByStatus());
        present = next;
        retry = verdict.retryNext();
    }

    /** Whom to ask, in order: first chances, then second chances. */
    record Candidates(List<String> dropped, List<String> secondChance) {

        Candidates {
            dropped = List.copyOf(dropped);
            secondChance = List.copyOf(secondChance);
        }

        List<String> all() {
            List<String> all = new ArrayList<>(dropped.size() + secondChance.size());
            all.addAll(dropped);
            all.addAll(secondChance);
            return all;
        }

        /**
         * What the answers (by POIID; a candidate without one was not asked) make of the candidates: ONLINE ones are
         * present by status; a first chance without a verdict gets a second one; everyone else is as the list says.
         */
        Verdict judge(Set<String> listed, Map<String, DeviceStatus> answers) {
            List<String> online = new ArrayList<>();
            Set<String> retryNext = new HashSet<>();
            int[] offlineAndFailed = new int[2];
            for (String poiid : dropped) {
                if (!settled(answers.get(poiid), poiid, online, offlineAndFailed)) {
                    retryNext.add(poiid);
                }
            }
            for (String poiid : secondChance) {
                settled(answers.get(poiid), poiid, online, offlineAndFailed);
            }
            return new Verdict(listed, online, retryNext, answers.size(), offlineAndFailed[0], offlineAndFailed[1]);
        }

        /** Whether the answer said ONLINE or OFFLINE; counts it (offline, failed) where it goes. */
        private static boolean settled(DeviceStatus answer, String poiid, List<String> online, int[] offlineAndFailed) {
            if (answer == null) {
                return false;
            }
            switch (answer.status()) {
                case ONLINE -> online.add(poiid);
                case OFFLINE -> offlineAndFailed[0]++;
                case UNKNOWN -> offlineAndFailed[1]++;
            }
            return answer.status() != DeviceStatus.Status.UNKNOWN;
        }
    }
}
