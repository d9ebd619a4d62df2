package org.gridtwin.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);

    static AuditLog.Entry entry(int i) {
        return new AuditLog.Entry("ops", "127.0.0.1", "POST /api/sites/chuanshan-port/commands",
                "{\"type\":\"battery_setpoint\",\"kw\":" + (100 * i) + ",\"minutes\":5}", "accepted");
    }

    @Test
    void aChainOfRecordsHoldsAndEachCarriesItsPredecessorsHash(@TempDir Path dir) throws Exception {
        AuditLog log = new AuditLog(dir, CLOCK);
        for (int i = 1; i <= 3; i++) {
            log.append(entry(i));
        }
        AuditLog.Verdict v = log.verify();
        assertThat(v.holds()).isTrue();
        assertThat(v.records()).isEqualTo(3);
        assertThat(v.last()).isEqualTo(CLOCK.instant());
        List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"));
        assertThat(lines.get(0)).contains("\"seq\":1").contains("\"prev\":\"" + AuditLog.GENESIS + "\"");
        // the second record's prev is the first record's hash, which is SHA-256 of its fields (64 hex digits)
        String first = lines.get(0).replaceAll(".*\"hash\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(lines.get(1)).contains("\"prev\":\"" + first + "\"");
        // a new process (another AuditLog on the same folder) continues the chain
        new AuditLog(dir, CLOCK).append(entry(4));
        assertThat(log.verify().records()).isEqualTo(4);
    }

    @Test
    void aChangedRemovedOrInsertedRecordIsNamed(@TempDir Path dir) throws Exception {
        AuditLog log = new AuditLog(dir, CLOCK);
        for (int i = 1; i <= 4; i++) {
            log.append(entry(i));
        }
        Path f = dir.resolve("audit.jsonl");
        List<String> good = Files.readAllLines(f);
        // record 2 says 9000 kW where 200 were asked
        List<String> changed = new ArrayList<>(good);
        changed.set(1, changed.get(1).replace("\"kw\\\":200", "\"kw\\\":9000"));
        assertThat(changed.get(1)).isNotEqualTo(good.get(1));
        Files.write(f, changed, StandardCharsets.UTF_8);
        AuditLog.Verdict v = log.verify();
        assertThat(v.broken()).isEqualTo(new AuditLog.Break(2, 2, "does not match its own hash (it was changed)"));
        assertThat(v.records()).isEqualTo(1);
        // record 3 removed
        List<String> removed = new ArrayList<>(good);
        removed.remove(2);
        Files.write(f, removed, StandardCharsets.UTF_8);
        assertThat(log.verify().broken().reason()).isEqualTo("has sequence number 4 where 3 was due (a record was "
                + "removed or inserted)");
        // record 2 rewritten with a consistent hash of its own: record 3 no longer carries it
        List<String> forged = new ArrayList<>(good);
        tools.jackson.databind.node.ObjectNode r = (tools.jackson.databind.node.ObjectNode)
                new tools.jackson.databind.ObjectMapper().readTree(good.get(1));
        r.put("outcome", "refused");
        r.put("hash", AuditLog.hash(r));
        forged.set(1, new tools.jackson.databind.ObjectMapper().writeValueAsString(r));
        Files.write(f, forged, StandardCharsets.UTF_8);
        assertThat(log.verify().broken()).isEqualTo(new AuditLog.Break(3, 3, "does not carry the hash of record 2 "
                + "(a record before it was changed or replaced)"));
    }

    @Test
    void threadsAppendingAtOnceKeepOneChain(@TempDir Path dir) throws Exception {
        AuditLog log = new AuditLog(dir, Clock.systemUTC());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    log.append(entry(i));
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        AuditLog.Verdict v = log.verify();
        assertThat(v.holds()).isTrue();
        assertThat(v.records()).isEqualTo(200);
    }
}
