package io.fleetdiag.processor;

import static io.fleetdiag.processor.Fixtures.MERCHANT;
import static io.fleetdiag.processor.Fixtures.STORE;
import static io.fleetdiag.processor.ProcessorDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetdiag.processor.operations.Acknowledgements;
import io.fleetdiag.processor.operations.Silences;
import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalAlert;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Silences flag alert edges and stop them paging; acknowledgements are copied onto the episode's later edges. */
class AlertOperationsTopologyTest {

    private static final String POIID = "V400m-346403161";
    private static final String OTHER = "V400m-346403162";
    @AutoClose
    private final ProcessorDriver driver = new ProcessorDriver();

    private void battery(String poiid, int minute, int level) {
        driver.result(Fixtures.success(poiid, at(minute), p -> p.battery = level));
    }

    private static AlertScope.Builder scope() {
        return AlertScope.newBuilder();
    }

    @Test
    void anAlertRaisedAndResolvedUnderATerminalSilenceIsRecordedFlaggedAndDoesNotPage() {
        AlertOperation silence = Silences.create(scope().setPoiid(POIID).build(), at(60), "ops", "battery swap", at(0));
        driver.operation(silence);

        battery(POIID, 1, 10);
        battery(OTHER, 1, 10);
        battery(POIID, 2, 50);

        assertThat(driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RAISED)).hasSize(2).allSatisfy(alert -> {
            boolean silenced = alert.getPoiid().equals(POIID);
            assertThat(alert.getSilenced()).isEqualTo(silenced);
            assertThat(alert.getPaging()).isEqualTo(!silenced);
            assertThat(alert.getSilenceId()).isEqualTo(silenced ? silence.getId() : null);
        });
        assertThat(driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RESOLVED)).singleElement().satisfies(alert -> {
            assertThat(alert.getPoiid()).isEqualTo(POIID);
            assertThat(alert.getSilenced()).isTrue();
            assertThat(alert.getPaging()).isFalse();
        });
    }

    @Test
    void aStoreAndTypeSilenceMatchesOnlyThatTypeInThatStore() {
        driver.operation(Silences.create(scope().setMerchantAccount(MERCHANT).setStore(STORE).setAlertType("PRINTER_FAULT").build(),
                at(60), "ops", "paper delivery late", at(0)));

        driver.result(Fixtures.success(POIID, at(1), p -> {
            p.battery = 10;
            p.noPaper();
        }));
        DiagnosisResult elsewhere = Fixtures.success(OTHER, at(1), p -> p.noPaper());
        elsewhere.setStore("EU-0002");
        elsewhere.getAdditionalResponse().setStoreId("EU-0002");
        driver.result(elsewhere);

        assertThat(driver.alerts(AlertType.PRINTER_FAULT, AlertStatus.RAISED)).hasSize(2).allSatisfy(alert ->
                assertThat(alert.getSilenced()).isEqualTo(STORE.equals(alert.getStore())));
        assertThat(driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RAISED)).singleElement()
                .satisfies(alert -> assertThat(alert.getPaging()).isTrue());
    }

    @Test
    void aSilenceEndsAtItsEndTimeOrWhenEndedEarlyWithoutAnythingElseHappening() {
        driver.operation(Silences.create(scope().setAlertType("BATTERY_LOW").build(), at(10), "ops", null, at(0)));
        AlertOperation early = Silences.create(scope().setPoiid(OTHER).build(), at(60), "ops", null, at(0));
        driver.operation(early);
        driver.operation(Silences.ended(early, "ops", at(5)));

        battery(POIID, 1, 10);
        battery(POIID, 2, 50);
        battery(POIID, 11, 10);
        battery(OTHER, 12, 10);

        assertThat(driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RAISED))
                .extracting(TerminalAlert::getPoiid, TerminalAlert::getRaisedAt, TerminalAlert::getPaging)
                .containsExactly(
                        tuple(POIID, at(1), false),
                        tuple(POIID, at(11), true),
                        tuple(OTHER, at(12), true));
    }

    @Test
    void anAcknowledgementIsCarriedByTheEpisodesResolvedEdgeAndTheResolvedEpisodeIsRemembered() {
        battery(POIID, 1, 10);
        TerminalAlert raised = driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RAISED).get(0);
        assertThat(raised.getAcknowledgedBy()).isNull();
        assertThat(driver.resolvedAlert(raised.getAlertId())).isNull();

        driver.operation(Acknowledgements.of(raised, "Ana (store 1)", "charger ordered", at(2)));
        battery(POIID, 3, 50);

        assertThat(driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RESOLVED)).singleElement().satisfies(resolved -> {
            assertThat(resolved.getAlertId()).isEqualTo(raised.getAlertId());
            assertThat(resolved.getAcknowledgedBy()).isEqualTo("Ana (store 1)");
            assertThat(resolved.getAcknowledgedAt()).isEqualTo(at(2));
            assertThat(resolved.getAcknowledgementNote()).isEqualTo("charger ordered");
            assertThat(resolved.getPaging()).isTrue();
        });
        assertThat(driver.activeAlert(raised.getAlertId())).isNull();
        assertThat(driver.resolvedAlert(raised.getAlertId())).isNotNull()
                .satisfies(remembered -> assertThat(remembered.getResolvedAt()).isEqualTo(at(3)));
    }
}
