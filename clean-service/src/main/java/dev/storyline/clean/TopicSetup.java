package dev.storyline.clean;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

import dev.storyline.clean.api.CleanResource;

import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.RawArticle;
import dev.storyline.contracts.TopicProvisioner;
import dev.storyline.contracts.Topics;

/** Creates the topics this service reads and writes, with their partitions and size limit, if they are missing. */
@Singleton
@RegisterForReflection(targets = { RawArticle.class, CleanArticle.class, dev.storyline.contracts.ArticleStatus.class, CleanResource.Submission.class,
        CleanResource.Cleaned.class })
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "storyline.topics.articles-raw.partitions") int rawPartitions,
            @ConfigProperty(name = "storyline.topics.articles-clean.partitions") int cleanPartitions,
            @ConfigProperty(name = "storyline.topics.articles-status.partitions") int statusPartitions) {
        var specs = new java.util.ArrayList<>(Topics.withDeadLetter(Topics.ARTICLES_RAW, rawPartitions));
        specs.addAll(Topics.withDeadLetter(Topics.ARTICLES_CLEAN, cleanPartitions));
        specs.add(Topics.spec(Topics.ARTICLES_STATUS, statusPartitions));
        TopicProvisioner.ensureInBackground(bootstrap, specs, 5000, LOG::info);
    }
}
