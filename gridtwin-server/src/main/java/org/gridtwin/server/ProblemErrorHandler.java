package org.gridtwin.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jetty's own errors — a request it cannot parse (400), headers too large (431), a body too large (413) — answered
 * like every other error of the API: RFC 9457 problem+json with the security headers, never Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        HttpFields.Mutable h = response.getHeaders();
        RequestGuard.securityHeaders(h::put);
        h.put(HttpHeader.CONTENT_TYPE, ApiServer.PROBLEM_JSON);
        ObjectNode p = Snapshot.JSON.createObjectNode();
        p.put("type", "about:blank");
        p.put("title", HttpStatus.getMessage(code));
        p.put("status", code);
        p.put("detail", detail(code, message));
        response.write(true, ByteBuffer.wrap(Snapshot.JSON.writeValueAsBytes(p)), callback);
    }

    private static String detail(int code, String message) {
        String m = message == null || message.isBlank() || message.equals(HttpStatus.getMessage(code)) ? null
                : message;
        return switch (code) {
            case 400 -> "the request could not be read as HTTP" + (m == null ? "" : " (" + m + ")");
            case 431 -> "the request's headers are too large";
            case 413 -> "the request's body is too large";
            default -> m == null ? HttpStatus.getMessage(code) : m;
        };
    }
}
