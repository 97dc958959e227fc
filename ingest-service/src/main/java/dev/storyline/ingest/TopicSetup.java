package dev.storyline.ingest;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

import dev.storyline.contracts.RawArticle;
import dev.storyline.contracts.TopicProvisioner;
import dev.storyline.contracts.Topics;
import dev.storyline.ingest.api.ArticleResource;

import dev.storyline.ingest.intake.ArticleSubmission;

/** Creates the topics this service writes and reads, with their partitions and size limit, if they are missing. */
@Singleton
@RegisterForReflection(targets = { RawArticle.class, dev.storyline.contracts.ArticleStatus.class,
        dev.storyline.contracts.StoryEvent.class, ArticleSubmission.class, 
        ArticleResource.Accepted.class, ArticleResource.BatchResult.class, ArticleResource.RejectedLine.class,
        ArticleResource.ArticleView.class })
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "storyline.topics.articles-raw.partitions") int rawPartitions,
            @ConfigProperty(name = "storyline.topics.articles-status.partitions") int statusPartitions,
            @ConfigProperty(name = "storyline.topics.stories-events.partitions") int eventPartitions) {
        // What it writes, and what it reads the verdicts from.
        var specs = new java.util.ArrayList<>(Topics.withDeadLetter(Topics.ARTICLES_RAW, rawPartitions));
        specs.add(Topics.spec(Topics.deadLetter(Topics.ARTICLES_CLEAN), 1));
        specs.add(Topics.spec(Topics.ARTICLES_STATUS, statusPartitions));
        specs.add(Topics.spec(Topics.STORIES_EVENTS, eventPartitions));
        TopicProvisioner.ensureInBackground(bootstrap, specs, 5000, LOG::info);
    }
}
