package io.fleetdiag.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** UPDATED was added to AlertStatus after v1 of TerminalAlert: a reader still on v1 must decode it, as UNKNOWN. */
class AlertStatusEvolutionTest {

    @Test
    void aReaderOfTheFirstVersionReadsAnUpdatedEdgeAsUnknown() throws IOException {
        TerminalAlert updated = TerminalAlert.newBuilder()
                .setAlertId("a").setStatus(AlertStatus.UPDATED).setType(AlertType.PRINTER_FAULT).setSeverity(Severity.WARNING)
                .setPoiid("V400m-1").setSummary("Printer of V400m-1: NoPaper").setEvidence(Map.of("printerStatus", "NoPaper"))
                .setRemediation("insert a roll").setRaisedAt(Instant.EPOCH).setEventTime(Instant.EPOCH).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(TerminalAlert.class).write(updated, encoder);
        encoder.flush();
        Schema v1 = new Schema.Parser().parse(Files.readString(Paths.get("history/TerminalAlert/v1.avsc")));

        GenericRecord read = new GenericDatumReader<GenericRecord>(TerminalAlert.getClassSchema(), v1)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(read.get("status")).hasToString("UNKNOWN");
        assertThat(read.get("alertId")).hasToString("a");
    }
}
