package dev.storyline.support.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
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

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBody) {
        long limit = maxBody.asLongValue();
        // Before the HTTP layer's own check, which answers 413 with no body at all.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                    && length.length() < 19 && Long.parseLong(length) > limit) {
                ctx.request().pause();
                answer(ctx, 413, "the request body is " + length + " bytes; this service takes at most " + limit);
                ctx.request().connection().close();
            } else {
                ctx.next();
            }
        });
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
