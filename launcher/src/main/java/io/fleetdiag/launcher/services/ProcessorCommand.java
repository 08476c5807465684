package io.fleetdiag.launcher.services;

import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.service.ServiceLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetdiag processor [processor.properties]}. */
@Command(name = "processor", description = "Run the result processor (Kafka Streams) against an external Kafka and registry.")
public final class ProcessorCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "Properties file; the environment overrides it (FLEETDIAG_*).")
    String config;

    @Override
    public Integer call() {
        return ServiceLauncher.main("result-processor", ProcessorService.definitions(), config == null ? new String[0] : new String[] {config},
                ProcessorService::start);
    }
}
