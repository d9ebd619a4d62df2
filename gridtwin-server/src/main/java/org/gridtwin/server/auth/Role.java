package org.gridtwin.server.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a user may do, each role including the ones before it. */
public enum Role {
    /** reads the live state, history, events and runs */
    VIEWER,
    /** also commands the sites: modes, setpoints, limits, alarm acknowledgement */
    OPERATOR,
    /** also manages users and tokens and reads the audit trail */
    ADMIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Role::key).toList();
    }

    /** The role named {@code key}, or null. */
    public static Role of(String key) {
        for (Role r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        return null;
    }
}
