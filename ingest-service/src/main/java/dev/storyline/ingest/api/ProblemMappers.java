package dev.storyline.ingest.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.storyline.ingest.intake.RejectedSubmission;

/** Turns every failure into a JSON problem; input errors are 4xx with the reason, never 500. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response rejected(RejectedSubmission e) {
        return Problem.response(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response r = e.getResponse();
        return Problem.response(r.getStatus(), e.getMessage());
    }
}
