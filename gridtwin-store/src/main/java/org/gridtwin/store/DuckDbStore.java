package org.gridtwin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.duckdb.DuckDBConnection;

/**
 * The embedded default store: one DuckDB file (docs/architecture.md, "Store", for the choice). Times are stored
 * as epoch seconds; rollups are upserted in the same transaction as the raw samples, so a crash never leaves them
 * out of step. Safe to share between threads: one connection, whose calls are serialised (a transaction of the
 * writer is never interleaved with a reader's query); DuckDB answers a dashboard's range queries in milliseconds,
 * so readers and the once-a-second writer barely wait for each other.
 *
 * <p>Reads run on a small pool of their own connections to the same database ({@value #READERS}), so a dashboard's
 * history queries neither queue behind one another nor wait for the writer's commit: DuckDB gives each a consistent
 * snapshot (MVCC), never half a transaction. Writes are serialised on the main connection.
 *
 * <p>After a failed write the connection is reopened before the next call. DuckDB applies a transaction in memory
 * before its log reaches the disk, so a commit that fails on a full disk can leave the session's view ahead of the
 * file; the reopened store is what the file holds, and the retried batch is applied once (appends skip samples
 * already stored).
 */
public final class DuckDbStore implements TelemetryStore {
    private static final String[] ENERGIES = {"wind", "pv", "load", "imp", "exp", "chg", "dis", "unmet"};

    /** Reader connections: as many as a two-core machine runs queries at once, and some waiting in I/O. */
    static final int READERS = 4;

    private final String url;
    private Connection db;
    /** Set by a failed write: the next write reopens the database first. */
    private volatile boolean reopen;
    private final BlockingQueue<Connection> readers =
            new LinkedBlockingQueue<>();
    /** Readers hold it shared; a reopen holds it alone, so no reader uses a connection being replaced. */
    private final ReentrantReadWriteLock readLock =
            new ReentrantReadWriteLock();

    private DuckDbStore(String url, Connection db) {
        this.url = url;
        this.db = db;
        openReaders();
    }

    private void openReaders() {
        try {
            for (int i = 0; i < READERS; i++) {
                readers.add(db.unwrap(DuckDBConnection.class).duplicate());
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open readers of the store " + url.substring("jdbc:duckdb:".length())
                    + ": " + e.getMessage(), e);
        }
    }

    private void closeReaders() {
        Connection c;
        while ((c = readers.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // replaced anyway
            }
        }
    }

    /** A query on a reader connection. */
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Query<T> q, String what) {
        readLock.readLock().lock();
        Connection c = null;
        try {
            c = readers.take();
            return q.run(c);
        } catch (SQLException e) {
            throw new StoreException("cannot read " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reading " + what, e);
        } finally {
            if (c != null) {
                readers.add(c);
            }
            readLock.readLock().unlock();
        }
    }

    /** Opens (creating when absent) a store file. */
    public static DuckDbStore open(Path file) {
        return connect("jdbc:duckdb:" + file.toAbsolutePath());
    }

    /** A store that lives in memory and is gone on close, for tests and one-off runs. */
    public static DuckDbStore inMemory() {
        return connect("jdbc:duckdb:");
    }

    private static DuckDbStore connect(String url) {
        return new DuckDbStore(url, connection(url));
    }

    private static Connection connection(String url) {
        try {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                // fold the write-ahead log into the file every megabyte (DuckDB's default is 16): the file is
                // columnar and compressed, the log is not, so a small or nearly full data disk lasts longer
                s.execute("SET checkpoint_threshold = '1MB'");
                s.execute("CREATE TABLE IF NOT EXISTS samples(site VARCHAR NOT NULL, t BIGINT NOT NULL, seconds DOUBLE,"
                        + " wind DOUBLE, pv DOUBLE, load DOUBLE, battery DOUBLE, grid DOUBLE, unmet DOUBLE, soc DOUBLE)");
                s.execute("CREATE TABLE IF NOT EXISTS rollup(site VARCHAR NOT NULL, res INTEGER NOT NULL, bucket BIGINT"
                        + " NOT NULL, n BIGINT, seconds DOUBLE, wind DOUBLE, pv DOUBLE, load DOUBLE, imp DOUBLE,"
                        + " exp DOUBLE, chg DOUBLE, dis DOUBLE, unmet DOUBLE, last_t BIGINT, last_soc DOUBLE,"
                        + " PRIMARY KEY (site, res, bucket))");
                s.execute("CREATE TABLE IF NOT EXISTS counters(site VARCHAR NOT NULL, name VARCHAR NOT NULL,"
                        + " value DOUBLE, PRIMARY KEY (site, name))");
                s.execute("CREATE SEQUENCE IF NOT EXISTS event_seq");
                s.execute("CREATE TABLE IF NOT EXISTS events(seq BIGINT DEFAULT nextval('event_seq'), site VARCHAR"
                        + " NOT NULL, t_ms BIGINT NOT NULL, kind VARCHAR NOT NULL, detail VARCHAR)");
                // stores from before events kept their values gain the column, empty for the old rows
                s.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS vals VARCHAR");
                s.execute("CREATE TEMP TABLE batch AS SELECT * FROM samples LIMIT 0");
            }
            return c;
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + url.substring("jdbc:duckdb:".length()) + ": "
                    + e.getMessage(), e);
        }
    }

    /** The writer's connection, the database reopened first when the last write failed. */
    private Connection db() {
        if (reopen) {
            readLock.writeLock().lock();
            try {
                closeReaders();
                try {
                    db.close();
                } catch (SQLException ignored) {
                    // a broken session may refuse to close; the new one replaces it
                }
                db = connection(url);
                openReaders();
                reopen = false;
            } finally {
                readLock.writeLock().unlock();
            }
        }
        return db;
    }

    @Override
    public synchronized void append(List<Sample> samples, Map<String, Map<String, Double>> countersBySite) {
        if (samples.isEmpty() && countersBySite.isEmpty()) {
            return;
        }
        Connection c = db();
        try {
            c.setAutoCommit(false);
            if (!samples.isEmpty()) {
                appendSamples(c, samples);
            }
            for (Map.Entry<String, Map<String, Double>> e : countersBySite.entrySet()) {
                replaceCounters(c, e.getKey(), e.getValue());
            }
            c.commit();
        } catch (SQLException e) {
            rollback();
            reopen = true;
            throw new StoreException("cannot append " + samples.size() + " samples and the counters of "
                    + countersBySite.size() + " sites: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    private static void appendSamples(Connection c, List<Sample> samples) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM batch");
        }
        // DuckDB's appender writes rows in bulk; a prepared INSERT costs ~0.3 ms a row here
        try (org.duckdb.DuckDBAppender p = c.unwrap(DuckDBConnection.class)
                .createAppender("temp", "main", "batch")) {
            for (Sample x : samples) {
                p.beginRow();
                p.append(x.siteId());
                p.append(x.time().getEpochSecond());
                p.append(x.seconds());
                p.append(x.windKw());
                p.append(x.pvKw());
                p.append(x.loadKw());
                p.append(x.batteryKw());
                p.append(x.gridKw());
                p.append(x.unmetKw());
                p.append(x.socFraction());
                p.endRow();
            }
        }
        try (Statement s = c.createStatement()) {
            // a site and time stored already (a retried batch, a sample queued twice) is not stored or counted again;
            // the stored side is read only over the batch's time range, which DuckDB's zone maps keep short
            s.execute("DELETE FROM batch WHERE rowid NOT IN (SELECT min(rowid) FROM batch GROUP BY site, t)");
            s.execute("DELETE FROM batch USING (SELECT s.site, s.t FROM samples s, (SELECT min(t) AS lo, max(t) AS hi"
                    + " FROM batch) r WHERE s.t BETWEEN r.lo AND r.hi) d WHERE batch.site = d.site AND batch.t = d.t");
            s.execute("INSERT INTO samples SELECT * FROM batch");
            for (Resolution r : Resolution.values()) {
                s.execute(rollupSql(r.seconds()));
            }
        }
    }

    private static void replaceCounters(Connection c, String siteId, Map<String, Double> counters)
            throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM counters WHERE site = ?")) {
            d.setString(1, siteId);
            d.execute();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO counters VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Double> e : counters.entrySet()) {
                p.setString(1, siteId);
                p.setString(2, e.getKey());
                p.setDouble(3, e.getValue());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    @Override
    public void verify() {
        String[] reads = {
            "SELECT count(*), sum(t), sum(seconds), sum(wind), sum(pv), sum(load), sum(battery), sum(grid),"
                    + " sum(unmet), sum(soc), count(DISTINCT site) FROM samples",
            "SELECT count(*), sum(bucket), sum(n), sum(seconds), sum(wind), sum(pv), sum(load), sum(imp), sum(exp),"
                    + " sum(chg), sum(dis), sum(unmet), sum(last_t), sum(last_soc), count(DISTINCT site) FROM rollup",
            "SELECT count(*), sum(value), count(DISTINCT site || name) FROM counters",
            "SELECT count(*), sum(seq), sum(t_ms), count(DISTINCT site || kind || coalesce(detail, '')) FROM events"};
        try {
            read(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : reads) {
                        try (ResultSet r = s.executeQuery(sql)) {
                            r.next();
                        }
                    }
                }
                return null;
            }, "the store");
        } catch (StoreException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("cannot read the store " + url.substring("jdbc:duckdb:".length()) + ": "
                    + cause.getMessage(), cause);
        }
    }

    /** Aggregates the batch into buckets of {@code res} seconds and adds them to the stored buckets. */
    private static String rollupSql(int res) {
        String h = "seconds / 3600.0";
        StringBuilder sql = new StringBuilder("INSERT INTO rollup SELECT site, ").append(res).append(", t - t % ")
                .append(res).append(", count(*), sum(seconds), sum(wind * ").append(h).append("), sum(pv * ")
                .append(h).append("), sum(load * ").append(h).append("), sum(greatest(grid, 0) * ").append(h)
                .append("), sum(greatest(-grid, 0) * ").append(h).append("), sum(greatest(-battery, 0) * ")
                .append(h).append("), sum(greatest(battery, 0) * ").append(h).append("), sum(unmet * ").append(h)
                .append("), max(t), arg_max(soc, t) FROM batch GROUP BY site, t - t % ").append(res)
                .append(" ON CONFLICT (site, res, bucket) DO UPDATE SET n = n + EXCLUDED.n,"
                        + " seconds = seconds + EXCLUDED.seconds");
        for (String e : ENERGIES) {
            sql.append(", ").append(e).append(" = ").append(e).append(" + EXCLUDED.").append(e);
        }
        // the later sample's SoC wins, whichever batch it came in
        sql.append(", last_soc = CASE WHEN EXCLUDED.last_t >= last_t THEN EXCLUDED.last_soc ELSE last_soc END,"
                + " last_t = greatest(last_t, EXCLUDED.last_t)");
        return sql.toString();
    }

    @Override
    public List<Sample> samples(String siteId, Instant from, Instant to) {
        return read(c -> {
            List<Sample> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT t, seconds, wind, pv, load, battery, grid, unmet,"
                    + " soc FROM samples WHERE site = ? AND t >= ? AND t < ? ORDER BY t")) {
                p.setString(1, siteId);
                p.setLong(2, from.getEpochSecond());
                p.setLong(3, to.getEpochSecond());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new Sample(siteId, Instant.ofEpochSecond(r.getLong(1)), r.getDouble(2),
                                r.getDouble(3), r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7),
                                r.getDouble(8), r.getDouble(9)));
                    }
                }
            }
            return out;
        }, "samples of " + siteId);
    }

    @Override
    public List<Bucket> history(String siteId, Resolution resolution, Instant from, Instant to) {
        return read(c -> {
            List<Bucket> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT bucket, n, seconds, wind, pv, load, imp, exp, chg,"
                    + " dis, unmet, last_soc FROM rollup WHERE site = ? AND res = ? AND bucket >= ? AND bucket < ?"
                    + " ORDER BY bucket")) {
                p.setString(1, siteId);
                p.setInt(2, resolution.seconds());
                p.setLong(3, from.getEpochSecond());
                p.setLong(4, to.getEpochSecond());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new Bucket(siteId, resolution, Instant.ofEpochSecond(r.getLong(1)), r.getLong(2),
                                r.getDouble(3), r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7),
                                r.getDouble(8), r.getDouble(9), r.getDouble(10), r.getDouble(11), r.getDouble(12)));
                    }
                }
            }
            return out;
        }, resolution + " history of " + siteId);
    }

    @Override
    public Map<String, Double> counters(String siteId) {
        return read(c -> {
            Map<String, Double> out = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name, value FROM counters WHERE site = ? ORDER BY"
                    + " name")) {
                p.setString(1, siteId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getDouble(2));
                    }
                }
            }
            return out;
        }, "the counters of " + siteId);
    }

    @Override
    public synchronized long deleteSamplesBefore(Instant cutoff) {
        try (PreparedStatement p = db().prepareStatement("DELETE FROM samples WHERE t < ?")) {
            p.setLong(1, cutoff.getEpochSecond());
            return p.executeUpdate();
        } catch (SQLException e) {
            reopen = true;
            throw new StoreException("cannot delete samples before " + cutoff + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void appendEvents(List<LoggedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Connection c = db();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO events(site, t_ms, kind, detail, vals) VALUES (?, ?, ?, ?, ?)")) {
                for (LoggedEvent e : events) {
                    p.setString(1, e.siteId());
                    p.setLong(2, e.time().toEpochMilli());
                    p.setString(3, e.kind());
                    p.setString(4, e.detail());
                    p.setString(5, EventValues.encode(e.values()));
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            rollback();
            reopen = true;
            throw new StoreException("cannot append " + events.size() + " events: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public List<LoggedEvent> events(String siteId, String kind, int limit) {
        String sql = "SELECT site, t_ms, kind, detail, vals FROM events WHERE (? IS NULL OR site = ?) AND (? IS NULL OR"
                + " kind = ?) ORDER BY t_ms DESC, seq DESC LIMIT ?";
        return read(c -> {
            List<LoggedEvent> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, siteId);
                p.setString(2, siteId);
                p.setString(3, kind);
                p.setString(4, kind);
                p.setInt(5, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new LoggedEvent(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
                                r.getString(4), EventValues.decode(r.getString(5))));
                    }
                }
            }
            return out;
        }, "events");
    }

    @Override
    public long eventCount() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM events")) {
                r.next();
                return r.getLong(1);
            }
        }, "the event count");
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one to report
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection shows on the next call
        }
    }

    @Override
    public synchronized void close() {
        readLock.writeLock().lock();
        try {
            closeReaders();
        } finally {
            readLock.writeLock().unlock();
        }
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store: " + e.getMessage(), e);
        }
    }
}
