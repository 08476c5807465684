package io.fleetdiag.terminalapi.management;

import java.util.List;

/** One page of {@code GET /terminals}; {@code hasNext} from its {@code _links.next}. */
public record TerminalPage(List<InventoryTerminal> terminals, int itemsTotal, int pagesTotal, boolean hasNext) {

    public TerminalPage {
        terminals = List.copyOf(terminals);
    }
}
