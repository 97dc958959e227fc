package dev.storyline.support.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The errors that happen before any resource runs, answered as JSON problems too: a path nothing serves (404),
 * and a request the HTTP layer refused, such as a body over the size limit (413).
 */
@Singleton
public class ProblemRoutes {

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> answer(ctx, 404, "nothing is served at " + ctx.request().path()));
        router.route().failureHandler(this::failed);
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status == 413) {
            answer(ctx, 413, "the request body is over the size limit of this service");
        } else if (status >= 400 && status < 500) {
            answer(ctx, status, ctx.failure() == null ? Problem.reason(status) : ctx.failure().getMessage());
        } else {
            ctx.next();
        }
    }

    private static void answer(RoutingContext ctx, int status, String detail) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(Problem.of(status, detail)));
    }
}
