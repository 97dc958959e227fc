package dev.storyline.cluster;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;


import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.StoryEvent;
import dev.storyline.cluster.api.AssignmentResource;
import dev.storyline.cluster.feeds.StoryFeeds;
import dev.storyline.cluster.stories.StoryViews;
import dev.storyline.contracts.TopicProvisioner;
import dev.storyline.contracts.Topics;

/** Creates the topics this service reads and writes, with their partitions and size limit, if they are missing. */
@Singleton
@RegisterForReflection(targets = { CleanArticle.class, StoryEvent.class, StoryViews.StorySummary.class,
        StoryViews.StoryArticle.class, StoryViews.StoryDetail.class, StoryViews.TimelineEntry.class,
        StoryViews.Merge.class, StoryViews.ArticleDetail.class, AssignmentResource.Assignment.class,
        StoryFeeds.JsonFeed.class, StoryFeeds.JsonFeedItem.class })
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "storyline.topics.articles-clean.partitions") int cleanPartitions,
            @ConfigProperty(name = "storyline.topics.stories-events.partitions") int eventPartitions) {
        var specs = new java.util.ArrayList<>(Topics.withDeadLetter(Topics.ARTICLES_CLEAN, cleanPartitions));
        specs.add(Topics.spec(Topics.STORIES_EVENTS, eventPartitions));
        TopicProvisioner.ensureInBackground(bootstrap, specs, 5000, LOG::info);
    }
}
