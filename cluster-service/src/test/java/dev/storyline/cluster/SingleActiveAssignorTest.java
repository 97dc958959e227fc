package dev.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;

import dev.storyline.cluster.pipeline.SingleActiveAssignor;

class SingleActiveAssignorTest {

    @Test
    void everyPartitionGoesToOneMemberAndTheOthersStandBy() {
        Node node = new Node(1, "localhost", 9092);
        List<PartitionInfo> partitions = List.of(0, 1, 2, 3, 4, 5).stream()
                .map(p -> new PartitionInfo("articles.clean", p, node, new Node[] { node }, new Node[] { node })).toList();
        Cluster cluster = new Cluster("c", List.of(node), partitions, Set.of(), Set.of());
        ConsumerPartitionAssignor.Subscription sub = new ConsumerPartitionAssignor.Subscription(List.of("articles.clean"));
        var result = new SingleActiveAssignor().assign(cluster, new ConsumerPartitionAssignor.GroupSubscription(
                Map.of("replica-b", sub, "replica-a", sub, "replica-c", sub)));
        Map<String, ConsumerPartitionAssignor.Assignment> a = result.groupAssignment();
        assertEquals(6, a.get("replica-a").partitions().size(), "the first member by id is the active writer");
        assertTrue(a.get("replica-b").partitions().isEmpty());
        assertTrue(a.get("replica-c").partitions().isEmpty());
        // Without the active one, another member takes everything.
        var after = new SingleActiveAssignor().assign(cluster, new ConsumerPartitionAssignor.GroupSubscription(
                Map.of("replica-b", sub, "replica-c", sub)));
        assertEquals(6, after.groupAssignment().get("replica-b").partitions().size());
    }
}
