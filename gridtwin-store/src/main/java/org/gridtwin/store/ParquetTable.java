package org.gridtwin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Turns a CSV table into a Parquet file through an in-memory DuckDB (zstd-compressed, types detected: ISO times
 * become timestamps, numbers doubles). Parquet is columnar and typed, so pandas, polars, DuckDB or Spark read a year
 * of one-minute steps directly and a quarter of the CSV's size. DuckDB's parallel CSV reader is the fast way in: a
 * JDBC appender call per value took three times as long for the same year. Knows no domain.
 */
public final class ParquetTable {
    private ParquetTable() {
    }

    /**
     * @param csv     a CSV file with a header line
     * @param parquet the Parquet file to write (replaced if present)
     * @param drop    columns of the CSV to leave out
     */
    public static void fromCsv(Path csv, Path parquet, List<String> drop) {
        StringBuilder select = new StringBuilder("SELECT *");
        if (!drop.isEmpty()) {
            select.append(" EXCLUDE (");
            for (int i = 0; i < drop.size(); i++) {
                select.append(i > 0 ? ", " : "").append('"').append(drop.get(i).replace("\"", "\"\"")).append('"');
            }
            select.append(')');
        }
        select.append(" FROM read_csv(").append(literal(csv)).append(", header = true)");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            s.execute("COPY (" + select + ") TO " + literal(parquet) + " (FORMAT PARQUET, COMPRESSION ZSTD)");
        } catch (SQLException e) {
            throw new StoreException("cannot write " + parquet + ": " + e.getMessage(), e);
        }
    }

    private static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
