package dev.storyline.cluster.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.MessageCodec;

/**
 * {@code articles.clean} to stories. The record is acknowledged after its decision is committed and its events are
 * on Kafka; a record that cannot be processed goes to {@code articles.clean.dlq} with the reason.
 */
@ApplicationScoped
public class CleanArticleConsumer {

    @Inject
    ClusteringService clustering;

    @Inject
    StoryEventPublisher events;

    @ConfigProperty(name = "storyline.cluster.publish-timeout-ms", defaultValue = "30000")
    long publishTimeoutMs;

    @Incoming("articles-clean-in")
    @Blocking
    public void consume(byte[] payload) throws Exception {
        CleanArticle article = MessageCodec.CLEAN_ARTICLE.decode(payload);
        events.publishAndWait(clustering.assign(article), publishTimeoutMs);
    }
}
