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
import dev.storyline.ingest.api.Problem;
import dev.storyline.ingest.intake.ArticleSubmission;

/** Creates the topic this service writes, with its partitions and size limit, if it is missing. */
@Singleton
@RegisterForReflection(targets = { RawArticle.class, ArticleSubmission.class, Problem.class,
        ArticleResource.Accepted.class, ArticleResource.BatchResult.class, ArticleResource.RejectedLine.class,
        ArticleResource.Status.class })
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "storyline.topics.articles-raw.partitions") int partitions) {
        TopicProvisioner.ensureInBackground(bootstrap, Topics.withDeadLetter(Topics.ARTICLES_RAW, partitions), 5000,
                LOG::info);
    }
}
