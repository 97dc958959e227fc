package dev.storyline.support.http;

import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure inside a resource into a JSON problem: the status JAX-RS chose (404, 405, 415, ...) with its
 * message, and anything unexpected into a 500 that carries an error id and no trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        return Problem.response(e.getResponse().getStatus(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "error %s: an unexpected failure answered 500", errorId);
        return Response.status(500).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(500, "Internal Server Error",
                        "the service failed to answer; the operator can find why in its log under this error id",
                        errorId))
                .build();
    }
}
