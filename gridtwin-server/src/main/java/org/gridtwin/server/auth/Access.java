package org.gridtwin.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may call which route of the API. Every route is registered with what it needs ({@link Need}); the table is
 * the single place a rule lives, and a test walks it (every route × every kind of caller).
 *
 * <p>Callers: a browser session (cookie {@value #COOKIE}, writes carry the session's CSRF token in
 * {@value #CSRF_HEADER}), or nobody. In the <b>open</b> mode of a server bound to loopback, nobody counts as a
 * viewer (reads and simulation runs need no sign-in on one's own machine); commands always need an operator.
 * Beyond loopback the server is closed: every route but sign-in and the pages' files needs a session.
 */
public final class Access {
    public static final String COOKIE = "gridtwin_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** What a route needs. */
    public enum Need {
        /** anyone: the sign-in itself, the server's description */
        PUBLIC(null),
        VIEWER(Role.VIEWER),
        OPERATOR(Role.OPERATOR),
        ADMIN(Role.ADMIN);

        private final Role role;

        Need(Role role) {
            this.role = role;
        }

        public Role role() {
            return role;
        }
    }

    /** One route's rule: method, path template, what it needs. */
    public record Rule(String method, String path, Need need) {
    }

    /** Who is calling: a user with a role, how they came in, and the CSRF token their writes must carry (or null). */
    public record Caller(String name, Role role, String via, String csrf) {
        static Caller anonymousViewer() {
            return new Caller("anonymous", Role.VIEWER, "loopback", null);
        }
    }

    /** Why a call is refused: 401 (who are you?) or 403 (not you), and a sentence. */
    public record Refusal(int status, String detail) {
    }

    private final boolean open;
    private final UserStore users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final TokenStore tokens;
    private final Clock clock;
    private final List<Rule> rules = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param open whether nobody counts as a viewer (a server bound to loopback)
     */
    public Access(boolean open, UserStore users, AuditLog audit, Clock clock) {
        this(open, users, audit, new TokenStore(users.file().getParent(), clock), clock);
    }

    public Access(boolean open, UserStore users, AuditLog audit, TokenStore tokens, Clock clock) {
        this.open = open;
        this.tokens = tokens;
        this.clock = clock;
        this.users = users;
        this.audit = audit;
        this.sessions = new Sessions(clock);
        this.throttle = new LoginThrottle(clock);
    }

    public boolean open() {
        return open;
    }

    /** The clock sessions, throttling and acknowledgements count on. */
    public Clock clock() {
        return clock;
    }

    public AuditLog audit() {
        return audit;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** Adds a route's rule (the API server does, for each route it registers). */
    public void rule(String method, String path, Need need) {
        rules.add(new Rule(method, path, need));
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    /**
     * The caller of a request with this cookie value and Authorization header (each null when absent), or empty for
     * nobody. A bearer token that is unknown or revoked makes the caller nobody, whatever the cookie or the mode.
     */
    public Optional<Caller> caller(String cookie, String authorization) {
        if (authorization != null) {
            String bearer = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip()
                    : null;
            Optional<TokenStore.Token> t = tokens.use(bearer);
            if (t.isEmpty() || t.get().revoked() != null) {
                return Optional.empty();
            }
            return Optional.of(new Caller("token:" + t.get().name(), t.get().role(), "token", null));
        }
        return caller(cookie);
    }

    /** The caller of a request with this cookie value (null when none), or empty for nobody. */
    public Optional<Caller> caller(String cookie) {
        if (cookie != null) {
            Optional<Sessions.Session> s = sessions.use(cookie);
            if (s.isPresent()) {
                return Optional.of(new Caller(s.get().user(), s.get().role(), "session", s.get().csrf()));
            }
        }
        return open ? Optional.of(Caller.anonymousViewer()) : Optional.empty();
    }

    /**
     * Whether {@code caller} may make a call that needs {@code need}; a write through a session must carry its CSRF
     * token.
     *
     * @return null when allowed, else the refusal
     */
    public Refusal check(Need need, Optional<Caller> caller, boolean write, String csrfHeader) {
        if (need == Need.PUBLIC) {
            return null;
        }
        if (caller.isEmpty()) {
            return new Refusal(401, "sign in first: POST /api/login with {\"user\", \"password\"} (this server is "
                    + "reachable beyond its own machine, so every request needs a session)");
        }
        Caller c = caller.get();
        if (!c.role().includes(need.role())) {
            return c.via().equals("loopback")
                    ? new Refusal(401, "this needs the " + need.role().key() + " role: sign in first "
                            + "(POST /api/login)")
                    : new Refusal(403, "this needs the " + need.role().key() + " role; " + c.name() + " is "
                            + c.role().key());
        }
        if (write && c.csrf() != null && !c.csrf().equals(csrfHeader)) {
            return new Refusal(403, "a write through a session must carry its CSRF token in " + CSRF_HEADER
                    + " (from POST /api/login or GET /api/session)");
        }
        return null;
    }

    /** A sign-in's outcome: the session started, or the status and sentence of the refusal. */
    public record SignIn(Sessions.Started started, int status, String detail, Duration retryAfter) {
    }

    /** Checks a name and password (throttled per account and per address) and starts a session; audited. */
    public SignIn signIn(String user, char[] password, String address) {
        Duration wait = throttle.wait(user, address);
        if (!wait.isZero()) {
            audit.append(new AuditLog.Entry(user, address, "POST /api/login", "", "refused: throttled"));
            return new SignIn(null, 429, "too many failed sign-ins for " + user + " or from " + address + "; try again"
                    + " in " + Math.max(1, wait.toSeconds()) + " s", wait);
        }
        Optional<UserStore.User> u = users.verify(user, password);
        if (u.isEmpty()) {
            throttle.failed(user, address);
            audit.append(new AuditLog.Entry(user, address, "POST /api/login", "", "refused: wrong name or password"));
            return new SignIn(null, 401, "wrong user name or password", null);
        }
        throttle.succeeded(user, address);
        Sessions.Started s = sessions.start(u.get().name(), u.get().role());
        audit.append(new AuditLog.Entry(user, address, "POST /api/login", "", "signed in as " + u.get().role().key()));
        return new SignIn(s, 200, "signed in", null);
    }

    /** Ends a session; audited when there was one. */
    public void signOut(String cookie, String address) {
        Optional<Sessions.Session> s = cookie == null ? Optional.empty() : sessions.use(cookie);
        sessions.end(cookie);
        s.ifPresent(x -> audit.append(new AuditLog.Entry(x.user(), address, "POST /api/logout", "", "signed out")));
    }

    /** Every rule of a method and path template, to find a route's. */
    public Optional<Rule> rule(String method, String path) {
        return new ArrayList<>(rules).stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .findFirst();
    }
}
