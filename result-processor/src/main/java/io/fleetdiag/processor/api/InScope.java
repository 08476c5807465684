package io.fleetdiag.processor.api;

import io.fleetdiag.processor.history.AlertEpisode;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.service.access.Caller;

/**
 * What a caller's scope lets them see, by the merchant account and store a thing belongs to
 * ({@link io.fleetdiag.service.access.Scope#covers}): a terminal, a store, an alert or episode of either,
 * a silence's target. A thing of a merchant account but no store (a merchant account's alert, a
 * merchant-account silence) needs the whole account in scope; one of neither (a fleet-level alert, a
 * silence of a type everywhere) only an unrestricted caller sees. Each query filters with these before
 * it pages or counts, so totals and pages hold only what the caller sees.
 */
final class InScope {

    private InScope() {
    }

    static boolean sees(Caller caller, String merchantAccount, String store) {
        return caller.scope().covers(merchantAccount, store);
    }

    static boolean terminal(Caller caller, TerminalState state) {
        return sees(caller, state.getMerchantAccount(), state.getStore());
    }

    static boolean store(Caller caller, StoreHealth health) {
        return sees(caller, health.getMerchantAccount(), health.getStore());
    }

    static boolean alert(Caller caller, TerminalAlert alert) {
        return sees(caller, alert.getMerchantAccount(), alert.getStore());
    }

    static boolean episode(Caller caller, AlertEpisode episode) {
        return sees(caller, episode.merchantAccount(), episode.store());
    }

    /**
     * An alert found by id or a silence's target. A terminal silence records the terminal's merchant
     * account and store when it is made; one made before that (or of a terminal unknown then) names only
     * the terminal, and only an unrestricted caller sees it.
     */
    static boolean target(Caller caller, AlertScope scope) {
        return sees(caller, scope.getMerchantAccount(), scope.getStore());
    }
}
