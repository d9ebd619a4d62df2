package org.gridtwin.server;

import java.util.List;
import java.util.Map;

/**
 * A request the API refuses, as an RFC 9457 problem: the HTTP status, one clear sentence, and optional extension
 * members (e.g. {@code errors} for every problem of an uploaded scenario).
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final Map<String, Object> extensions;

    public ApiProblem(int status, String detail) {
        this(status, detail, Map.of());
    }

    public ApiProblem(int status, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false); // a refusal, not a bug: no stack trace to collect
        this.status = status;
        this.extensions = extensions;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    static ApiProblem notFound(String what) {
        return new ApiProblem(404, what);
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, detail);
    }

    static ApiProblem unprocessable(String detail, List<Map<String, Object>> errors) {
        return new ApiProblem(422, detail, Map.of("errors", errors));
    }
}
