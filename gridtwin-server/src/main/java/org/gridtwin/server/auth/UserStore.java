package org.gridtwin.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gridtwin.model.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The users of a data folder, in {@code users.json} beside the telemetry store (readable by its owner only). A
 * password is kept only as an Argon2id hash (RFC 9106) in PHC form, so the parameters travel with each hash and can
 * be raised later without breaking old ones: 64 MiB of memory, 3 passes, 1 lane, a 16-byte random salt, a 32-byte
 * tag (RFC 9106's second recommended option, with the lanes the 2-core servers here have). Each check costs a
 * fraction of a second on purpose; the server throttles logins.
 *
 * <p>Every change is written to a temporary file and moved over the old one, so a crash leaves the old users or the
 * new ones, never half a file.
 */
public final class UserStore {
    public static final String FILE = "users.json";
    /** Argon2id parameters of new hashes: memory in KiB, passes, lanes, tag length in bytes. */
    static final int MEMORY_KIB = 65_536;
    static final int PASSES = 3;
    static final int LANES = 1;
    static final int TAG_BYTES = 32;
    static final int SALT_BYTES = 16;
    static final int MIN_PASSWORD = 12;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Checked against for unknown names, so that a wrong name costs the time a wrong password does. */
    private static final class Decoy {
        static final String HASH = Password.hash("decoy password of no user").addRandomSalt(SALT_BYTES)
                .with(argon2()).getResult();
    }

    /** A user: name, role, the password's hash, when created and last changed. */
    public record User(String name, Role role, String hash, Instant created, Instant changed) {
    }

    private final Path file;
    private final Clock clock;

    public UserStore(Path dataDir, Clock clock) {
        this.file = dataDir.resolve(FILE);
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    static Argon2Function argon2() {
        return Argon2Function.getInstance(MEMORY_KIB, PASSES, LANES, TAG_BYTES, Argon2.ID);
    }

    /** Every user, in the order they were added; none when the file does not exist. */
    public List<User> list() {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | JacksonException e) {
            throw InvalidInputException.of(file.toString(), "users", "", "cannot be read as the users file ("
                    + e.getMessage() + "); restore it from a backup or remove it and add the users again");
        }
        List<User> users = new ArrayList<>();
        for (JsonNode u : root.path("users")) {
            Role role = Role.of(u.path("role").asString(""));
            if (role == null || u.path("name").asString("").isEmpty() || !u.path("hash").asString("")
                    .startsWith("$argon2id$")) {
                throw InvalidInputException.of(file.toString(), "users", u.toString(), "is not a user (name, role "
                        + "one of " + String.join(", ", Role.keys()) + ", an Argon2id hash)");
            }
            users.add(new User(u.get("name").asString(), role, u.get("hash").asString(),
                    Instant.parse(u.path("created").asString()), Instant.parse(u.path("changed").asString())));
        }
        return users;
    }

    public Optional<User> find(String name) {
        return list().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** Adds a user; the name must be new and the password acceptable ({@link #checkPassword}). */
    public User add(String name, Role role, char[] password) {
        checkName(name);
        List<User> users = new ArrayList<>(list());
        if (users.stream().anyMatch(u -> u.name().equals(name))) {
            throw InvalidInputException.of("command line", "NAME", name, "is a user already (gridtwin users passwd "
                    + name + " changes the password)");
        }
        checkPassword(name, password);
        Instant now = clock.instant();
        User u = new User(name, role, hash(password), now, now);
        users.add(u);
        save(users);
        return u;
    }

    /** Sets a user's password. */
    public void passwd(String name, char[] password) {
        List<User> users = new ArrayList<>(list());
        int i = index(users, name);
        checkPassword(name, password);
        User old = users.get(i);
        users.set(i, new User(name, old.role(), hash(password), old.created(), clock.instant()));
        save(users);
    }

    /** Removes a user; the last admin cannot be removed (nobody could manage the users and tokens then). */
    public void remove(String name) {
        List<User> users = new ArrayList<>(list());
        int i = index(users, name);
        if (users.get(i).role() == Role.ADMIN && users.stream().filter(u -> u.role() == Role.ADMIN).count() == 1) {
            throw InvalidInputException.of("command line", "NAME", name, "is the last admin; add another admin "
                    + "before removing this one");
        }
        users.remove(i);
        save(users);
    }

    /** The user whose name and password these are, or empty; an unknown name costs as long as a wrong password. */
    public Optional<User> verify(String name, char[] password) {
        Optional<User> u = find(name);
        String hash = u.isPresent() ? u.get().hash() : Decoy.HASH;
        boolean ok = Password.check(new String(password), hash).with(Argon2Function.getInstanceFromHash(hash));
        return ok ? u : Optional.empty();
    }

    private int index(List<User> users, String name) {
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).name().equals(name)) {
                return i;
            }
        }
        throw InvalidInputException.of("command line", "NAME", name, "is not a user of " + file + " (its users: "
                + String.join(", ", users.stream().map(User::name).toList()) + ")");
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw InvalidInputException.of("command line", "NAME", name, "must be 1 to 32 of a-z, 0-9, '.', '_', '-',"
                    + " starting with a letter or digit");
        }
    }

    /** At least 12 characters, not the user's name, not one character repeated. */
    static void checkPassword(String name, char[] password) {
        String p = new String(password);
        if (p.length() < MIN_PASSWORD) {
            throw InvalidInputException.of("standard input", "password", "(" + p.length() + " characters)",
                    "must have at least " + MIN_PASSWORD + " characters");
        }
        if (p.equalsIgnoreCase(name) || p.chars().distinct().count() == 1) {
            throw InvalidInputException.of("standard input", "password", "(hidden)", "must not be the user's name or"
                    + " one character repeated");
        }
    }

    private static String hash(char[] password) {
        return Password.hash(new String(password)).addRandomSalt(SALT_BYTES).with(argon2()).getResult();
    }

    private void save(List<User> users) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("users");
        for (User u : users) {
            ObjectNode n = list.addObject();
            n.put("name", u.name());
            n.put("role", u.role().key());
            n.put("hash", u.hash());
            n.put("created", u.created().toString());
            n.put("changed", u.changed().toString());
        }
        try {
            PrivateFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw InvalidInputException.of(file.toString(), "users", "", "cannot be written (" + e.getMessage()
                    + ")");
        }
    }
}
