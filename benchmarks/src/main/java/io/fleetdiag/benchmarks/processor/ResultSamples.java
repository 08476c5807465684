package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.dispatcher.checks.PendingCheck;
import io.fleetdiag.dispatcher.results.ResultFactory;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.terminalapi.DiagnosisAnswer;
import io.fleetdiag.terminalapi.DiagnosisCall;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.request.ServiceIdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.apache.kafka.common.TopicPartition;

/**
 * Real diagnosis results to replay: each terminal of the simulator diagnosed once over HTTP, its
 * answer read and turned into a DiagnosisResult exactly as the dispatcher does.
 */
final class ResultSamples {

    private static final PendingCheck.Source NOWHERE = new PendingCheck.Source(new TopicPartition("benchmark-samples", 0), 0);

    private ResultSamples() {
    }

    static List<DiagnosisResult> diagnose(TerminalApiClient adyen, List<Terminal> terminals) throws InterruptedException {
        ServiceIdGenerator serviceIds = new ServiceIdGenerator();
        Semaphore slots = new Semaphore(256);
        List<CompletableFuture<DiagnosisResult>> calls = new ArrayList<>();
        for (Terminal terminal : terminals) {
            slots.acquire();
            DiagnosisCheckRequest request = DiagnosisCheckRequest.newBuilder()
                    .setRequestId("sample-" + terminal.poiid())
                    .setPoiid(terminal.poiid())
                    .setMerchantAccount(terminal.merchantAccount())
                    .setStore(terminal.store())
                    .setReason(CheckReason.SCHEDULED)
                    .setRequestedAt(Instant.now())
                    .build();
            String serviceId = serviceIds.next();
            calls.add(adyen.diagnose(new DiagnosisCall(terminal.poiid(), terminal.merchantAccount(), false, serviceId, "fleetdiag-bench"))
                    .whenComplete((answer, error) -> slots.release())
                    .thenApply(answer -> result(request, answer, serviceId)));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static DiagnosisResult result(DiagnosisCheckRequest request, DiagnosisAnswer answer, String serviceId) {
        return ResultFactory.finished(PendingCheck.of(request, NOWHERE, Duration.ofMinutes(15)), answer, serviceId, "fleetdiag-bench",
                Instant.now());
    }
}
