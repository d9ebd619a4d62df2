package org.gridtwin.server.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit trail of a data folder: every write anyone makes (a command, a user or token change, a sign-in, a run
 * started) as one line of JSON in {@code DIR/audit.jsonl}, appended, never rewritten. Each record carries the
 * SHA-256 of the one before ({@code prev}) and its own ({@code hash}, over its other fields in a fixed order), so
 * changing, removing or inserting a record breaks the chain from there on; {@link #verify} names the first break.
 *
 * <p>It is a file of its own beside the telemetry store because the store is held open by a running {@code serve},
 * while user changes come from {@code gridtwin users} in another process: appends take an exclusive lock on the
 * file, so both can write without interleaving or forking the chain.
 */
public final class AuditLog {
    public static final String FILE = "audit.jsonl";
    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("seq", "time", "actor", "client", "action", "request",
            "outcome", "prev");

    /**
     * One write, as recorded.
     *
     * @param actor   who: a user name, {@code token:NAME}, {@code mqtt}, or {@code cli:OSUSER}
     * @param client  from where: an address, the broker, {@code local}
     * @param action  what: a route ({@code POST /api/sites/port/commands}) or a command ({@code users add})
     * @param request what was asked, as given (never a password)
     * @param outcome what was done, or why not
     */
    public record Entry(String actor, String client, String action, String request, String outcome) {
    }

    /** What {@link #verify} found: how many records hold, and the first broken one (null when none). */
    public record Verdict(long records, Instant last, Break broken) {
        public boolean holds() {
            return broken == null;
        }
    }

    /** The first record that breaks the chain: its line, its sequence number if readable, and why. */
    public record Break(long line, long seq, String reason) {
    }

    private final Path file;
    private final Clock clock;

    public AuditLog(Path dataDir, Clock clock) {
        this.file = dataDir.resolve(FILE);
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** One monitor per file for the threads of this process (a file lock only excludes other processes). */
    private static final Map<Path, Object> MONITORS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Appends {@code e} after the last record, under an exclusive lock on the file. */
    public void append(Entry e) {
        synchronized (MONITORS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object())) {
            appendLocked(e);
        }
    }

    private void appendLocked(Entry e) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                ObjectNode last = lastRecord(ch);
                ObjectNode r = JSON.createObjectNode();
                r.put("seq", last == null ? 1 : last.get("seq").asLong() + 1);
                r.put("time", clock.instant().toString());
                r.put("actor", e.actor());
                r.put("client", e.client());
                r.put("action", e.action());
                r.put("request", e.request());
                r.put("outcome", e.outcome());
                r.put("prev", last == null ? GENESIS : last.get("hash").asString());
                r.put("hash", hash(r));
                ch.position(ch.size());
                ch.write(ByteBuffer.wrap((JSON.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
        } catch (IOException x) {
            throw new IllegalStateException("the audit trail " + file + " cannot be written: " + x.getMessage(), x);
        }
    }

    /** The last complete record, or null for an empty file. */
    private static ObjectNode lastRecord(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) {
            return null;
        }
        // read back from the end to the line before the last newline
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, end - 1);
        if (one.get(0) == '\n') {
            end--;
        }
        long start = end;
        while (start > 0) {
            one.clear();
            ch.read(one, start - 1);
            if (one.get(0) == '\n') {
                break;
            }
            start--;
        }
        ByteBuffer line = ByteBuffer.allocate((int) (end - start));
        ch.read(line, start);
        try {
            return (ObjectNode) JSON.readTree(new String(line.array(), StandardCharsets.UTF_8));
        } catch (JacksonException | ClassCastException x) {
            throw new IOException("its last line is not a record (" + x.getMessage() + "); run gridtwin audit verify");
        }
    }

    /** SHA-256 over the record's fields in a fixed order, each as JSON, one per line. */
    static String hash(JsonNode r) {
        StringBuilder b = new StringBuilder();
        for (String f : FIELDS) {
            b.append(f).append('=').append(JSON.writeValueAsString(r.path(f))).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString()
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException("every Java has SHA-256", x);
        }
    }

    /** Checks every record against its hash and its predecessor's; names the first that does not hold. */
    public Verdict verify() {
        if (!Files.exists(file)) {
            return new Verdict(0, null, null);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException x) {
            throw new IllegalStateException("the audit trail " + file + " cannot be read: " + x.getMessage(), x);
        }
        String prev = GENESIS;
        long seq = 0;
        Instant last = null;
        for (int i = 0; i < lines.size(); i++) {
            long line = i + 1;
            JsonNode r;
            try {
                r = JSON.readTree(lines.get(i));
            } catch (JacksonException x) {
                return new Verdict(seq, last, new Break(line, -1, "is not a JSON record"));
            }
            long s = r.path("seq").asLong(-1);
            if (s != seq + 1) {
                return new Verdict(seq, last, new Break(line, s, "has sequence number " + s + " where " + (seq + 1)
                        + " was due (a record was removed or inserted)"));
            }
            if (!prev.equals(r.path("prev").asString(""))) {
                return new Verdict(seq, last, new Break(line, s, "does not carry the hash of record " + seq
                        + " (a record before it was changed or replaced)"));
            }
            String h = hash(r);
            if (!h.equals(r.path("hash").asString(""))) {
                return new Verdict(seq, last, new Break(line, s, "does not match its own hash (it was changed)"));
            }
            prev = h;
            seq = s;
            last = Instant.parse(r.path("time").asString());
        }
        return new Verdict(seq, last, null);
    }

    /** The records, oldest first, as maps of their fields (for listing). */
    public List<Map<String, Object>> records() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(l -> JSON.readValue(l, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
                    })).toList();
        } catch (IOException x) {
            throw new IllegalStateException("the audit trail " + file + " cannot be read: " + x.getMessage(), x);
        }
    }
}
