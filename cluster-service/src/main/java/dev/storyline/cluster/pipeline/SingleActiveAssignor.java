package dev.storyline.cluster.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Makes the Kafka consumer group elect one active writer: every partition of {@code articles.clean} goes to a single
 * member (the first by member id), and the other replicas stay assigned nothing, as hot standbys that serve reads.
 * When the active member leaves or dies, the next rebalance hands everything to a standby, which rebuilds its index
 * from PostgreSQL before its first decision (see {@link ClusteringService}).
 */
@RegisterForReflection
public class SingleActiveAssignor implements ConsumerPartitionAssignor {

    public static final String NAME = "storyline-single-active";

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, Subscription> members = groupSubscription.groupSubscription();
        String active = new TreeSet<>(members.keySet()).first();
        Set<String> topics = new TreeSet<>();
        members.values().forEach(s -> topics.addAll(s.topics()));
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> partitions = metadata.partitionsForTopic(topic);
            if (partitions != null) {
                partitions.forEach(p -> all.add(new TopicPartition(topic, p.partition())));
            }
        }
        Map<String, Assignment> assignments = new HashMap<>();
        for (String member : members.keySet()) {
            assignments.put(member, new Assignment(member.equals(active) ? all : List.of()));
        }
        return new GroupAssignment(assignments);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        // nothing to keep: the decision is the group leader's
    }

    @Override
    public String name() {
        return NAME;
    }
}
