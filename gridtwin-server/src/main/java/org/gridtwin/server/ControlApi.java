package org.gridtwin.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gridtwin.ems.Event;
import org.gridtwin.ems.OperatorCommand;
import org.gridtwin.model.Site;
import org.gridtwin.server.auth.Access;
import org.gridtwin.server.auth.Acknowledgements;
import org.gridtwin.server.auth.AuditLog;
import tools.jackson.core.JacksonException;

/**
 * The routes that change something or say who is calling: sign-in, sign-out and the session, an operator's
 * commands (the same {@link OperatorCommand} path as MQTT's, then the safety layer), alarm acknowledgements, and the
 * audit trail that records all of them. {@link ApiServer} registers them behind their access rules.
 */
final class ControlApi {
    private final Access access;
    private final LiveFleet fleet;
    private final EventLog events;
    private final boolean secureCookie;
    private final Function<Context, Site> site;
    private final Acknowledgements acks;

    /**
     * @param secureCookie whether the session cookie is marked Secure (the server speaks HTTPS)
     * @param site         the request's site from its path, or a 404
     */
    ControlApi(Access access, LiveFleet fleet, EventLog events, boolean secureCookie, Function<Context, Site> site) {
        this.access = access;
        this.fleet = fleet;
        this.events = events;
        this.secureCookie = secureCookie;
        this.site = site;
        this.acks = Acknowledgements.fromTrail(access.audit());
    }

    /** Records a write in the audit trail: who, from where, the route, the request body, what became of it. */
    void audit(Context ctx, String outcome) {
        Access.Caller c = ctx.attribute("caller");
        access.audit().append(new AuditLog.Entry(c == null ? "anonymous" : c.name(), ctx.ip(),
                ctx.method().name() + " " + ctx.path(), ctx.body(), outcome));
    }

    void login(Context ctx) {
        tools.jackson.databind.JsonNode b;
        try {
            b = Snapshot.JSON.readTree(ctx.body());
        } catch (JacksonException e) {
            throw new ApiProblem(400, "the body must be JSON: {\"user\": …, \"password\": …}");
        }
        String user = b.path("user").asString("");
        String password = b.path("password").asString("");
        if (user.isEmpty() || password.isEmpty()) {
            throw new ApiProblem(400, "the body must name a user and a password: {\"user\": …, \"password\": …}");
        }
        Access.SignIn in = access.signIn(user, password.toCharArray(), ctx.ip());
        if (in.started() == null) {
            if (in.retryAfter() != null) {
                ctx.header("Retry-After", Long.toString(Math.max(1, in.retryAfter().toSeconds())));
            }
            throw new ApiProblem(in.status(), in.detail());
        }
        ctx.header("Set-Cookie", Access.COOKIE + "=" + in.started().id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : ""));
        ctx.json(Map.of("user", in.started().session().user(), "role", in.started().session().role().key(), "csrf",
                in.started().session().csrf()));
    }

    void logout(Context ctx) {
        access.signOut(ctx.cookie(Access.COOKIE), ctx.ip());
        ctx.header("Set-Cookie", Access.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict").status(204);
    }

    void session(Context ctx) {
        Access.Caller c = access.caller(ctx.cookie(Access.COOKIE)).orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signed_in", c != null && c.via().equals("session"));
        m.put("user", c == null ? null : c.name());
        m.put("role", c == null ? null : c.role().key());
        m.put("via", c == null ? null : c.via());
        m.put("csrf", c == null ? null : c.csrf());
        ctx.json(m);
    }

    /** An event's id: its time, site and kind (one event of a kind per site and instant). */
    static String eventId(Event e) {
        return e.time() + "/" + e.siteId() + "/" + e.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Adds an event's id and its acknowledgement (who, when; nulls when none) to its JSON fields. */
    void identify(Event e, Map<String, Object> fields) {
        String id = eventId(e);
        Optional<Acknowledgements.Ack> ack = acks.of(id);
        fields.put("id", id);
        fields.put("acknowledged_by", ack.map(Acknowledgements.Ack::user).orElse(null));
        fields.put("acknowledged_at", ack.map(a -> a.time().toString()).orElse(null));
    }

    /** Acknowledges an alarm or warning of the site: once, by the caller. */
    private OperatorCommand.Outcome acknowledge(Site s, Object eventId, String user) {
        boolean known = events.latest(s.id(), null, Event.Severity.WARNING, GridTwinServer.EVENTS_KEPT).stream()
                .anyMatch(x -> eventId(x).equals(eventId));
        if (!known) {
            return OperatorCommand.Outcome.refused("no alarm or warning '" + eventId + "' of " + s.id()
                    + " among the latest events (ids from GET /api/events)");
        }
        String id = (String) eventId;
        if (!acks.acknowledge(id, user, access.clock().instant())) {
            Acknowledgements.Ack a = acks.of(id).orElseThrow();
            return OperatorCommand.Outcome.refused(id + " was acknowledged by " + a.user() + " at " + a.time());
        }
        return new OperatorCommand.Outcome(true, Acknowledgements.outcome(id).substring("accepted: ".length()), null);
    }

    /** An operator's command: an acknowledgement here, anything else through the site's manual control. */
    void command(Context ctx) {
        Site s = site.apply(ctx);
        Map<String, Object> fields;
        try {
            fields = Snapshot.JSON.readValue(ctx.body(), new tools.jackson.core.type.TypeReference<Map<String,
                    Object>>() {
            });
        } catch (JacksonException e) {
            throw new ApiProblem(400, "the body must be a JSON object, e.g. {\"type\": \"battery_setpoint\", "
                    + "\"kw\": 100, \"minutes\": 5}");
        }
        Access.Caller c = ctx.attribute("caller");
        OperatorCommand.Outcome o;
        if ("grid_outage".equals(fields.get("type")) && c.role() != org.gridtwin.server.auth.Role.ADMIN) {
            audit(ctx, "refused: a grid outage drill needs an administrator");
            throw new ApiProblem(403, "a grid outage drill takes the site off its grid: administrators only");
        }
        if ("acknowledge".equals(fields.get("type"))) {
            o = acknowledge(s, fields.get("event"), c.name());
        } else {
            try {
                o = OperatorCommand.execute(fleet.site(s.id()).orElseThrow(), OperatorCommand.of(fields), c.name());
            } catch (IllegalArgumentException e) {
                o = OperatorCommand.Outcome.refused(e.getMessage());
            }
        }
        audit(ctx, (o.accepted() ? "accepted: " : "refused: ") + o.detail());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", s.id());
        m.put("accepted", o.accepted());
        m.put("detail", o.detail());
        m.put("until", o.until() == null ? null : o.until().toString());
        ctx.status(o.accepted() ? 200 : 422).json(m);
    }

    void auditRecords(Context ctx) {
        int n = HistoryQuery.intParam(ctx.queryParam("last"), "last", 200, 0, 100_000);
        List<Map<String, Object>> all = access.audit().records();
        AuditLog.Verdict v = access.audit().verify();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", all.size());
        m.put("chain_holds", v.holds());
        m.put("broken", v.holds() ? null : "line " + v.broken().line() + ": " + v.broken().reason());
        m.put("last", all.subList(Math.max(0, all.size() - n), all.size()));
        ctx.json(m);
    }
}
