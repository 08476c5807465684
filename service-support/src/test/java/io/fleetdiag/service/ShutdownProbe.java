package io.fleetdiag.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A service run by {@link ServiceLauncher} in a process of its own, whose close takes a while and leaves a mark. */
public final class ShutdownProbe {

    private ShutdownProbe() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        System.exit(ServiceLauncher.run("probe", ServiceConfig.of(Map.of()), Map.of(), (config, environment, fatal) -> {
            Files.writeString(folder.resolve("started"), "yes");
            return () -> {
                // a close with work to finish, as the dispatcher's last commit or Streams' state flush
                Thread.sleep(1_500);
                Files.writeString(folder.resolve("closed"), "yes");
            };
        }));
    }
}
