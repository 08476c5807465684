package io.fleetdiag.service.access;

import java.util.Objects;
import java.util.Set;

/**
 * The part of the fleet a caller may see: terminals of the listed merchant accounts and of the listed
 * stores. {@link #ALL} is the whole fleet; a restricted scope with both sets empty sees nothing.
 */
public record Scope(boolean unrestricted, Set<String> merchantAccounts, Set<String> stores) {

    public static final Scope ALL = new Scope(true, Set.of(), Set.of());

    public Scope {
        merchantAccounts = Set.copyOf(merchantAccounts);
        stores = Set.copyOf(stores);
        if (unrestricted && !(merchantAccounts.isEmpty() && stores.isEmpty())) {
            throw new IllegalArgumentException("An unrestricted scope lists no merchant accounts or stores");
        }
    }

    public static Scope of(Set<String> merchantAccounts, Set<String> stores) {
        return new Scope(false, merchantAccounts, stores);
    }

    /** Whether a terminal of this merchant account and store (either may be unknown: null) is in scope. */
    public boolean covers(String merchantAccount, String store) {
        return unrestricted
                || (merchantAccount != null && merchantAccounts.contains(merchantAccount))
                || (store != null && stores.contains(store));
    }

    /** Whether a whole merchant account is in scope, e.g. for a fleet-level alert of that account. */
    public boolean coversAccount(String merchantAccount) {
        return unrestricted || merchantAccounts.contains(Objects.requireNonNull(merchantAccount));
    }
}
