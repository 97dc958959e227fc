package dev.storyline.contracts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates missing topics with the partitions and size limits the contracts need. Existing topics are
 * left alone (an operator may have tuned them). Safe to run from every replica at once.
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    /** @return the names of the topics this call created */
    public static List<String> ensure(String bootstrapServers, Collection<Topics.Spec> specs, long timeoutMs)
            throws InterruptedException, TimeoutException, ExecutionException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, Integer.MAX_VALUE));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, Integer.MAX_VALUE));
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topics.Spec spec : specs) {
                if (!existing.contains(spec.name())) {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), (short) -1).configs(spec.configs()));
                }
            }
            List<String> created = new ArrayList<>();
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result :
                    admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(timeoutMs, TimeUnit.MILLISECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return created;
        }
    }

    /**
     * Ensures the topics on a daemon thread, retrying every {@code retryMs} until the broker answers, so that a
     * service starts (and reports not-ready through its health checks) while Kafka is still coming up.
     */
    public static Thread ensureInBackground(String bootstrapServers, Collection<Topics.Spec> specs, long retryMs,
            java.util.function.Consumer<String> log) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    List<String> created = ensure(bootstrapServers, specs, retryMs);
                    log.accept(created.isEmpty() ? "topics present" : "created topics " + created);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (TimeoutException | ExecutionException | RuntimeException e) {
                    log.accept("cannot ensure topics yet (" + e + "); retrying in " + retryMs + " ms");
                    try {
                        Thread.sleep(retryMs);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }, "topic-provisioner");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
