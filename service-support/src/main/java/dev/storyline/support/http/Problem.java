package dev.storyline.support.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON body of every error answer (RFC 9457 fields). {@code errorId} is set on a 500: the log holds the trace
 * under the same id, so an operator can find what a caller saw.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Problem(int status, String title, String detail, String errorId) {

    public static Problem of(int status, String detail) {
        return new Problem(status, reason(status), detail, null);
    }

    public static Response response(int status, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(of(status, detail)).build();
    }

    static String reason(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s == null ? (status == 413 ? "Content Too Large" : "Error") : s.getReasonPhrase();
    }
}
