package org.gridtwin.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gridtwin.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {
    static final Instant T = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aPasswordIsKeptOnlyAsAnArgon2idHashWithItsParameters(@TempDir Path dir) throws Exception {
        UserStore store = new UserStore(dir, Clock.fixed(T, ZoneOffset.UTC));
        store.add("ops", Role.OPERATOR, "harbour crane 42".toCharArray());
        String text = Files.readString(dir.resolve("users.json"));
        assertThat(text).doesNotContain("harbour crane 42");
        // PHC form: the parameters RFC 9106's second option names (64 MiB, 3 passes) with one lane
        assertThat(store.find("ops").orElseThrow().hash()).startsWith("$argon2id$v=19$m=65536,t=3,p=1$");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("users.json"))))
                .isEqualTo("rw-------");
        assertThat(store.verify("ops", "harbour crane 42".toCharArray())).map(UserStore.User::role)
                .contains(Role.OPERATOR);
        assertThat(store.verify("ops", "harbour crane 43".toCharArray())).isEmpty();
        assertThat(store.verify("nobody", "harbour crane 42".toCharArray())).isEmpty();
        // two users with one password get two hashes: the salt is random
        store.add("ops2", Role.VIEWER, "harbour crane 42".toCharArray());
        assertThat(store.find("ops2").orElseThrow().hash()).isNotEqualTo(store.find("ops").orElseThrow().hash());
        assertThat(store.list()).extracting(UserStore.User::name).containsExactly("ops", "ops2");
        assertThat(store.list().get(0).created()).isEqualTo(T);
    }

    @Test
    void badNamesPasswordsAndTheLastAdminAreRefusedWithTheRule(@TempDir Path dir) {
        UserStore store = new UserStore(dir, Clock.systemUTC());
        assertThatThrownBy(() -> store.add("Ops!", Role.ADMIN, "long enough pass".toCharArray()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NAME = Ops! must be 1 to 32 of a-z, 0-9");
        assertThatThrownBy(() -> store.add("ops", Role.ADMIN, "short".toCharArray()))
                .hasMessageContaining("password = (5 characters) must have at least 12 characters");
        assertThatThrownBy(() -> store.add("aaaaaaaaaaaaaa", Role.ADMIN, "AAAAAAAAAAAAAA".toCharArray()))
                .hasMessageContaining("must not be the user's name or one character repeated");
        store.add("root", Role.ADMIN, "first admin password".toCharArray());
        assertThatThrownBy(() -> store.add("root", Role.VIEWER, "another password".toCharArray()))
                .hasMessageContaining("root is a user already");
        assertThatThrownBy(() -> store.remove("root")).hasMessageContaining("root is the last admin");
        assertThatThrownBy(() -> store.passwd("nobody", "another password".toCharArray()))
                .hasMessageContaining("nobody is not a user of").hasMessageContaining("(its users: root)");
        store.add("second", Role.ADMIN, "second admin password".toCharArray());
        store.remove("root");
        assertThat(store.list()).extracting(UserStore.User::name).containsExactly("second");
    }

    @Test
    void aDamagedFileIsNamedNotOverwritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("users.json"), "{not json");
        UserStore store = new UserStore(dir, Clock.systemUTC());
        assertThatThrownBy(store::list).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("users.json").hasMessageContaining("cannot be read as the users file");
        assertThatThrownBy(() -> store.add("ops", Role.VIEWER, "long enough pass".toCharArray()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(Files.readString(dir.resolve("users.json"))).isEqualTo("{not json");
    }
}
