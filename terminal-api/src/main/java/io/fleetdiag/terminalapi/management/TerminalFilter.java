package io.fleetdiag.terminalapi.management;

import java.util.List;

/** The {@code merchantIds} and {@code storeIds} filters of {@code GET /terminals}; empty lists do not filter. */
public record TerminalFilter(List<String> merchantIds, List<String> storeIds) {

    public static final TerminalFilter ALL = new TerminalFilter(List.of(), List.of());

    public TerminalFilter {
        merchantIds = merchantIds == null ? List.of() : List.copyOf(merchantIds);
        storeIds = storeIds == null ? List.of() : List.copyOf(storeIds);
    }

    public static TerminalFilter merchant(String merchantId) {
        return new TerminalFilter(List.of(merchantId), List.of());
    }

    public static TerminalFilter store(String merchantId, String storeId) {
        return new TerminalFilter(List.of(merchantId), List.of(storeId));
    }
}
