package io.fleetdiag.processor;

import io.fleetdiag.service.ServiceLauncher;

/** {@code java -cp ... io.fleetdiag.processor.ProcessorMain [processor.properties]}; the fleetdiag CLI wraps it as {@code fleetdiag processor}. */
public final class ProcessorMain {

    private ProcessorMain() {
    }

    public static void main(String[] args) {
        System.exit(ServiceLauncher.main("result-processor", ProcessorService.definitions(), args, ProcessorService::start));
    }
}
