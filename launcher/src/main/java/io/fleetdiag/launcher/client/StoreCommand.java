package io.fleetdiag.launcher.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fleetdiag store MA/STORE}: the store's health. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Print a store's health: terminals known, online, healthy, alerts.")
public final class StoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MERCHANT_ACCOUNT/STORE")
    String store;

    @Mixin
    ClientOptions client;

    @Override
    public Integer call() {
        if (!store.contains("/")) {
            System.err.println("fleetdiag: give the store as MERCHANT_ACCOUNT/STORE, e.g. AcmeRetail_EU/EU-0001");
            return 2;
        }
        return StatePrinter.print(client, "/api/stores/" + store, "store " + store);
    }
}
