package org.gridtwin.server;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What every request must satisfy before a route sees it, against web pages that the operator's browser opens:
 * <ul>
 *   <li><b>Host</b> is an IP literal or a name the server answers to (localhost, the bound name, and the names given
 *       with {@code serve --host-name}): a DNS-rebinding page reaches the server under its own domain name, and is
 *       refused (421 Misdirected Request);</li>
 *   <li>a write (POST, PUT, PATCH, DELETE) that carries an {@code Origin} must come from this server's own origin
 *       (403): a foreign page may send the request but not act;</li>
 *   <li>a write's body has the route's media type (415): JSON for runs, YAML for validation. A browser sends a
 *       cross-site JSON body only after a CORS preflight, which this server never grants; {@code text/plain},
 *       which needs none, is refused.</li>
 * </ul>
 */
final class RequestGuard {
    /** Headers of every response, errors of Jetty's own included. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            // everything the pages load comes from this server; nothing may frame them or guess content types
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                    + "frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final Set<String> YAML = Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml");

    /** Host names (lower case, no port) the server answers to besides IP literals and localhost. */
    private final Set<String> names = new java.util.concurrent.CopyOnWriteArraySet<>();

    /** Adds a name clients use to reach the server (the bound name, a DNS name of the machine). */
    void answerTo(String name) {
        String n = hostName(name);
        if (n != null && !isIpLiteral(n)) {
            names.add(n);
        }
    }

    static void securityHeaders(BiConsumer<String, String> put) {
        SECURITY_HEADERS.forEach(put);
    }

    /**
     * @param hostHeader the request's Host header (may be null)
     * @return why the request is refused, as an HTTP status and a sentence, or null
     */
    Refusal check(String method, String path, String hostHeader, String origin, String contentType,
            boolean hasBody) {
        String host = hostName(hostHeader);
        if (host == null || !(isIpLiteral(host) || host.equals("localhost") || names.contains(host))) {
            return new Refusal(421, "Host " + hostHeader + " is not a name this server answers to (IP addresses, "
                    + "localhost" + (names.isEmpty() ? "" : ", " + String.join(", ", names)) + "); add it with serve "
                    + "--host-name");
        }
        if (!WRITES.contains(method)) {
            return null;
        }
        if (origin != null && !origin.equals("null") && !sameOrigin(origin, hostHeader)) {
            return new Refusal(403, "writes are accepted from this server's own pages only; Origin " + origin
                    + " is another site");
        }
        if (origin != null && origin.equals("null")) {
            return new Refusal(403, "writes are accepted from this server's own pages only; Origin null is a "
                    + "sandboxed or local page");
        }
        if (hasBody) {
            String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            boolean yamlRoute = path.equals("/api/scenarios/validate");
            boolean ok = yamlRoute ? YAML.contains(type) || type.equals("application/json")
                    : type.equals("application/json") || type.endsWith("+json");
            if (!ok) {
                return new Refusal(415, "the body must be sent as " + (yamlRoute ? "YAML (Content-Type: "
                        + "application/yaml)" : "JSON (Content-Type: application/json)") + ", not "
                        + (type.isEmpty() ? "without a Content-Type" : type));
            }
        }
        return null;
    }

    /** A refusal's status and sentence. */
    record Refusal(int status, String detail) {
    }

    /** The host of a Host header, lower case, without port or IPv6 brackets; null when unusable. */
    static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(1, end);
        }
        int colon = h.lastIndexOf(':');
        return colon >= 0 && h.indexOf(':') == colon ? h.substring(0, colon) : h;
    }

    /** IPv4 dotted quads and IPv6 literals: names that DNS cannot rebind. */
    static boolean isIpLiteral(String host) {
        if (host.contains(":")) {
            return host.matches("[0-9a-f:.]+");
        }
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** Whether an Origin ({@code http://host:port}) names the host and port the request was sent to. */
    static boolean sameOrigin(String origin, String hostHeader) {
        String o = origin.toLowerCase(Locale.ROOT);
        int scheme = o.indexOf("://");
        if (scheme < 0) {
            return false;
        }
        String authority = o.substring(scheme + 3);
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        // a default port may be left out of either
        return authority.equals(h) || authority.equals(h + (o.startsWith("https") ? ":443" : ":80"))
                || (authority + (o.startsWith("https") ? ":443" : ":80")).equals(h);
    }
}
