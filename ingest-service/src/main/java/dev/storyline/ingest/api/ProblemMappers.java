package dev.storyline.ingest.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.storyline.ingest.intake.RejectedSubmission;
import dev.storyline.support.http.Problem;

/** A submission the rules refused: its status (400, 404, 413) and the reason, as a JSON problem. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response rejected(RejectedSubmission e) {
        return Problem.response(e.status(), e.getMessage());
    }
}
