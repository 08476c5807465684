package io.fleetdiag.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirTest {

    @TempDir
    Path dir;

    @Test
    void anEarlierRunsBrokerStateAndLogsGoButTheOpenSuiteLogStays() throws Exception {
        Path suiteLog = write(dir.resolve("logs/suite.log"));
        Path oldServiceLog = write(dir.resolve("logs/processor.log"));
        Path brokerLog = write(dir.resolve("kafka/terminal-state-0/00000000000000000000.log"));
        Path store = write(dir.resolve("processor-state/fleetdiag-faults-processor/1_0/rocksdb/CURRENT"));
        Path settings = write(dir.resolve("processor.properties"));
        Path unrelated = write(dir.resolve("notes.txt"));

        WorkDir.clear(dir, suiteLog);

        assertThat(suiteLog).exists();
        assertThat(unrelated).exists();
        assertThat(oldServiceLog).doesNotExist();
        assertThat(brokerLog).doesNotExist();
        assertThat(store).doesNotExist();
        assertThat(settings).doesNotExist();
        assertThat(dir.resolve("kafka")).isEmptyDirectory();
    }

    private static Path write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "from an earlier run");
    }
}
