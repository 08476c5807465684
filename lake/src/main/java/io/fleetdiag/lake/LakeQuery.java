package io.fleetdiag.lake;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;

/**
 * SQL over the lake with DuckDB. Each table is a view over its live data files as Iceberg lists them
 * ({@code planFiles} of the current snapshot): a directory glob would also read files of uncommitted
 * or rolled-back writes. DuckDB's iceberg extension is not used because it downloads itself at run
 * time. Files written before a schema change lack its columns; {@code union_by_name} reads them as null.
 */
public final class LakeQuery {

    private LakeQuery() {
    }

    /** The result of one query: column names and rows of JDBC values. */
    public record Result(List<String> columns, List<List<Object>> rows) {

        public String render() {
            StringBuilder out = new StringBuilder(String.join("\t", columns)).append('\n');
            rows.forEach(row -> out.append(row.stream().map(String::valueOf).collect(Collectors.joining("\t"))).append('\n'));
            return out.toString();
        }
    }

    public static Result run(Path warehouse, String sql) {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
            for (LakeTable table : LakeTable.all()) {
                List<String> files = liveFiles(warehouse, table);
                if (!files.isEmpty()) {
                    statement.execute("CREATE VIEW " + table.name() + " AS SELECT * FROM read_parquet("
                            + files.stream().map(LakeQuery::quoted).collect(Collectors.joining(", ", "[", "]"))
                            + ", union_by_name = true)");
                }
            }
            try (ResultSet rows = statement.executeQuery(sql)) {
                return result(rows);
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("Query failed: " + e.getMessage()
                    + " (a table without committed rows yet has no view)", e);
        }
    }

    /** The data files of the table's current snapshot; none while the table does not exist yet. */
    public static List<String> liveFiles(Path warehouse, LakeTable table) {
        return live(warehouse, table).stream().map(LiveFile::path).toList();
    }

    /** The rows of the table's current snapshot as Iceberg counts them, without reading a file; 0 before its first commit. */
    public static long committedRows(Path warehouse, LakeTable table) {
        return live(warehouse, table).stream().mapToLong(LiveFile::rows).sum();
    }

    private record LiveFile(String path, long rows) {
    }

    private static List<LiveFile> live(Path warehouse, LakeTable table) {
        if (!Files.isDirectory(warehouse)) {
            return List.of();
        }
        try (HadoopCatalog catalog = new HadoopCatalog(new Configuration(), warehouse.toUri().toString())) {
            TableIdentifier id = TableIdentifier.of(LakeTable.NAMESPACE, table.name());
            if (!catalog.tableExists(id)) {
                return List.of();
            }
            Table iceberg = catalog.loadTable(id);
            List<LiveFile> files = new ArrayList<>();
            try (CloseableIterable<FileScanTask> tasks = iceberg.newScan().planFiles()) {
                tasks.forEach(task -> files.add(new LiveFile(localPath(task.file().location()), task.file().recordCount())));
            }
            return files;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read the lake catalog at " + warehouse + ": " + e.getMessage(), e);
        }
    }

    private static String localPath(String location) {
        return location.startsWith("file:") ? Path.of(URI.create(location.replaceFirst("^file:/+", "file:///"))).toString() : location;
    }

    private static String quoted(String path) {
        return "'" + path.replace("'", "''") + "'";
    }

    private static Result result(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<Object>> values = new ArrayList<>();
        while (rows.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                row.add(rows.getObject(i));
            }
            values.add(row);
        }
        return new Result(columns, values);
    }
}
