package dev.storyline.clean.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error answer is a JSON problem with a message a caller can act on. */
public class ProblemMapper {

    public record Problem(int status, String title, String detail) {
    }

    @ServerExceptionMapper
    public Response map(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status s = Response.Status.fromStatusCode(status);
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(status, s == null ? "Error" : s.getReasonPhrase(), e.getMessage())).build();
    }
}
