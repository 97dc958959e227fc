package dev.storyline.cluster.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Replays the stored decisions into the working index as the service starts, on a thread of its own, so that the
 * first poll after a start does not wait for the replay (30,605 decisions took 28 s on the up.sh stack). Until the
 * index is built the service is not ready: in a rolling update the old replica keeps the traffic meanwhile.
 */
@Readiness
@ApplicationScoped
public class IndexWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(IndexWarmUp.class);

    private final ClusteringService clustering;

    public IndexWarmUp(ClusteringService clustering) {
        this.clustering = clustering;
    }

    void onStart(@Observes StartupEvent event) {
        Thread replay = new Thread(() -> {
            try {
                clustering.buildIndex();
            } catch (RuntimeException e) {
                LOG.warn("the working index could not be built at start-up; the first poll will build it", e);
            }
        }, "index-warm-up");
        replay.setDaemon(true);
        replay.start();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("clustering index").status(clustering.indexBuilt()).build();
    }
}
