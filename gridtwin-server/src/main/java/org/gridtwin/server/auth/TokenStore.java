package org.gridtwin.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gridtwin.model.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API tokens for machines (a Prometheus scraper, a SCADA script): {@code DIR/tokens.json}, mode 0600. A token is
 * {@code gt_} and 256 random bits, shown once when created; only its SHA-256 is kept (a token has the entropy a
 * password lacks, so a fast hash is enough, and every request can be checked without a memory-hard cost). Each has
 * a role, a creation time, a last-used time (kept in memory and written at most once a minute) and can be revoked;
 * a revoked token stays listed so that the audit trail's references to it keep a meaning.
 *
 * <p>The server reads the file again when it changes, so {@code gridtwin tokens} in another process takes effect
 * at once.
 */
public final class TokenStore {
    public static final String FILE = "tokens.json";
    static final String PREFIX = "gt_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LAST_USED_WRITES = Duration.ofMinutes(1);

    /** A token's record: name, role, SHA-256 of the token, created, last used (or null), revoked (or null). */
    public record Token(String name, Role role, String hash, Instant created, Instant lastUsed, Instant revoked) {
    }

    private final Path file;
    private final Clock clock;
    private volatile List<Token> cached = List.of();
    private volatile FileTime cachedTime;
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private volatile Instant lastUsedWrite = Instant.EPOCH;

    public TokenStore(Path dataDir, Clock clock) {
        this.file = dataDir.resolve(FILE);
        this.clock = clock;
    }

    /** Every token, revoked ones included, with the last uses seen by this process. */
    public synchronized List<Token> list() {
        FileTime t;
        try {
            t = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            t = null;
        }
        if (t == null) {
            cached = List.of();
        } else if (!t.equals(cachedTime)) {
            cached = read();
        }
        cachedTime = t;
        List<Token> out = new ArrayList<>();
        for (Token k : cached) {
            Instant u = used.get(k.name());
            out.add(u == null ? k : new Token(k.name(), k.role(), k.hash(), k.created(), u, k.revoked()));
        }
        return out;
    }

    private List<Token> read() {
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<Token> out = new ArrayList<>();
            for (JsonNode n : root.path("tokens")) {
                out.add(new Token(n.get("name").asString(), Role.of(n.get("role").asString()), n.get("hash").asString(),
                        Instant.parse(n.get("created").asString()), time(n.get("last_used")), time(n.get("revoked"))));
            }
            return out;
        } catch (IOException | JacksonException | NullPointerException e) {
            throw InvalidInputException.of(file.toString(), "tokens", "", "cannot be read as the tokens file ("
                    + e.getMessage() + ")");
        }
    }

    private static Instant time(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asString());
    }

    /**
     * Creates a token and returns it: the only time it is seen.
     */
    public synchronized String create(String name, Role role) {
        UserStore.checkName(name);
        List<Token> all = new ArrayList<>(list());
        if (all.stream().anyMatch(t -> t.name().equals(name))) {
            throw InvalidInputException.of("command line", "NAME", name, "is a token already (names stay after "
                    + "revocation, so the audit trail's references keep their meaning: choose another)");
        }
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        all.add(new Token(name, role, Sessions.sha256(token), clock.instant(), null, null));
        save(all);
        return token;
    }

    public synchronized void revoke(String name) {
        List<Token> all = new ArrayList<>(list());
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.name().equals(name)) {
                if (t.revoked() != null) {
                    throw InvalidInputException.of("command line", "NAME", name, "was revoked at " + t.revoked());
                }
                all.set(i, new Token(t.name(), t.role(), t.hash(), t.created(), t.lastUsed(), clock.instant()));
                save(all);
                return;
            }
        }
        throw InvalidInputException.of("command line", "NAME", name, "is not a token of " + file);
    }

    /** What a bearer value grants: its token when known and not revoked; its use is noted. */
    public Optional<Token> use(String bearer) {
        if (bearer == null || !bearer.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String h = Sessions.sha256(bearer);
        Optional<Token> t = list().stream().filter(k -> k.hash().equals(h)).findFirst();
        if (t.isEmpty() || t.get().revoked() != null) {
            return t; // the caller tells a revoked token by its revocation time
        }
        Instant now = clock.instant();
        used.put(t.get().name(), now);
        if (Duration.between(lastUsedWrite, now).compareTo(LAST_USED_WRITES) >= 0) {
            synchronized (this) {
                lastUsedWrite = now;
                save(list());
            }
        }
        return t;
    }

    private void save(List<Token> tokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("tokens");
        for (Token t : tokens) {
            ObjectNode n = list.addObject();
            n.put("name", t.name());
            n.put("role", t.role().key());
            n.put("hash", t.hash());
            n.put("created", t.created().toString());
            n.put("last_used", t.lastUsed() == null ? null : t.lastUsed().toString());
            n.put("revoked", t.revoked() == null ? null : t.revoked().toString());
        }
        try {
            PrivateFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            cached = List.copyOf(tokens);
            cachedTime = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw InvalidInputException.of(file.toString(), "tokens", "", "cannot be written (" + e.getMessage()
                    + ")");
        }
    }
}
