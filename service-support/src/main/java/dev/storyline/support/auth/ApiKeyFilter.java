package dev.storyline.support.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;

import dev.storyline.support.http.Problem;

/**
 * With {@code STORYLINE_API_KEYS} set (comma-separated), every write (POST, PUT, PATCH, DELETE) of every REST
 * endpoint needs {@code Authorization: Bearer <key>}; reads too when {@code STORYLINE_READS_NEED_KEY=true}.
 * Anything else gets 401 with a JSON problem. Health and metrics are not REST endpoints and stay open.
 */
@ApplicationScoped
public class ApiKeyFilter {

    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ApiKeys keys;
    private final boolean readsNeedKey;

    public ApiKeyFilter(@ConfigProperty(name = "storyline.api-keys") Optional<List<String>> keys,
            @ConfigProperty(name = "storyline.reads-need-key", defaultValue = "false") boolean readsNeedKey) {
        this.keys = new ApiKeys(keys.orElse(List.of()));
        this.readsNeedKey = readsNeedKey;
    }

    void announce(@Observes StartupEvent start) {
        if (keys.none()) {
            LOG.warn("no API keys (STORYLINE_API_KEYS): every endpoint is open to anyone who can reach it");
        } else {
            LOG.infof("writes%s need one of %d API keys", readsNeedKey ? " and reads" : "", keys.count());
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (keys.none() || !WRITES.contains(request.getMethod()) && !readsNeedKey) {
            return null;
        }
        if (keys.accepts(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return null;
        }
        String why = request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                ? "this endpoint needs an API key: send Authorization: Bearer <key>"
                : "the API key is not valid";
        return Response.fromResponse(Problem.response(401, why)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
