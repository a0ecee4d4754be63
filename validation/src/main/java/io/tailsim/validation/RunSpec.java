package io.tailsim.validation;

import io.tailsim.validation.cluster.ClusterSpec;
import io.tailsim.validation.cluster.TopicSpec;
import io.tailsim.validation.driver.ConsumerGroupSpec;
import io.tailsim.validation.driver.ProducerGroupSpec;
import io.tailsim.validation.driver.WorkloadSpec;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** One real-cluster run: the cluster, the workload at full size, and the scale factor to divide it by. */
public record RunSpec(ClusterSpec cluster, WorkloadSpec workload, double scale) {
    public RunSpec {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(workload, "workload");
        Scaling.requireValid(scale);
        Set<String> topics = cluster.topics().stream().map(TopicSpec::name).collect(Collectors.toSet());
        for (ProducerGroupSpec g : workload.producers())
            if (!topics.contains(g.topic())) throw new IllegalArgumentException("producer group " + g.name() + " uses topic " + g.topic() + ", which the cluster spec does not create");
        for (ConsumerGroupSpec g : workload.consumers())
            for (String t : g.topics())
                if (!topics.contains(t)) throw new IllegalArgumentException("consumer group " + g.groupId() + " uses topic " + t + ", which the cluster spec does not create");
    }

    public RunSpec(ClusterSpec cluster, WorkloadSpec workload) {
        this(cluster, workload, 1.0);
    }
}
