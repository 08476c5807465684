package io.fleetdiag.poller;

import java.util.Objects;

/** What one /connectedTerminals call covers: a merchant account, optionally limited to one store. */
public record Scope(String merchantAccount, String store) {

    public Scope {
        Objects.requireNonNull(merchantAccount, "merchantAccount");
        if (merchantAccount.isBlank() || (store != null && store.isBlank())) {
            throw new IllegalArgumentException("A scope is merchantAccount or merchantAccount/store");
        }
    }

    /** Reads {@code merchantAccount} or {@code merchantAccount/store}. */
    public static Scope parse(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? new Scope(text.trim(), null) : new Scope(text.substring(0, slash).trim(), text.substring(slash + 1).trim());
    }

    /** The snapshot key: {@code merchantAccount[/store]}. */
    public String key() {
        return store == null ? merchantAccount : merchantAccount + "/" + store;
    }
}
