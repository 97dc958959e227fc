package dev.storyline.ingest.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every error answer (RFC 9457 fields). */
public record Problem(int status, String title, String detail) {

    public static Response response(int status, String detail) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new Problem(status, s == null ? "Error" : s.getReasonPhrase(), detail))
                .build();
    }
}
