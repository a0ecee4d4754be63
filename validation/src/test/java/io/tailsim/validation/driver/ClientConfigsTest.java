package io.tailsim.validation.driver;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientConfigsTest {
    @Test
    void everyProducerDefaultIsARealKafkaConfigAndIsSetExplicitly() {
        assertThat(ProducerConfig.configNames()).containsAll(ClientConfigs.PRODUCER_DEFAULTS.keySet());
        Properties p = ClientConfigs.producer("127.0.0.1:1", "p-0", Map.of());
        assertThat(p.stringPropertyNames()).containsAll(ClientConfigs.PRODUCER_DEFAULTS.keySet());
        assertThat(p).containsEntry("linger.ms", "5").containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("bootstrap.servers", "127.0.0.1:1").containsEntry("client.id", "p-0");
        new ProducerConfig(p);
    }

    @Test
    void everyConsumerDefaultIsARealKafkaConfigAndIsSetExplicitly() {
        assertThat(ConsumerConfig.configNames()).containsAll(ClientConfigs.CONSUMER_DEFAULTS.keySet());
        Properties p = ClientConfigs.consumer("127.0.0.1:1", "c-0", "g", Map.of());
        assertThat(p.stringPropertyNames()).containsAll(ClientConfigs.CONSUMER_DEFAULTS.keySet());
        assertThat(p).containsEntry("group.id", "g").containsEntry("fetch.max.wait.ms", "500").containsEntry("group.protocol", "classic");
        new ConsumerConfig(p);
    }

    @Test
    void specValuesWinAndWeakerDeliveryTurnsIdempotenceOffAsKafkaWouldWhenUnset() {
        Properties p = ClientConfigs.producer("b:1", "p", Map.of("acks", "1", "linger.ms", "0"));
        assertThat(p).containsEntry("acks", "1").containsEntry("linger.ms", "0").containsEntry("enable.idempotence", "false");
        new ProducerConfig(p);
        assertThat(ClientConfigs.producer("b:1", "p", Map.of("max.in.flight.requests.per.connection", "10")))
                .containsEntry("enable.idempotence", "false");
        // An explicit choice is kept, and Kafka itself rejects the contradiction.
        Properties contradictory = ClientConfigs.producer("b:1", "p", Map.of("acks", "1", "enable.idempotence", "true"));
        assertThatThrownBy(() -> new ProducerConfig(contradictory)).hasMessageContaining("acks");
    }

    @Test
    void theConsumerGroupProtocolDropsClassicOnlyKeys() {
        Properties p = ClientConfigs.consumer("b:1", "c", "g", Map.of("group.protocol", "consumer"));
        assertThat(p.stringPropertyNames()).doesNotContain("partition.assignment.strategy", "session.timeout.ms", "heartbeat.interval.ms");
        assertThat(p).containsEntry("group.remote.assignor", "uniform");
        new ConsumerConfig(p);
    }

    @Test
    void harnessOwnedKeysAreRefused() {
        assertThatThrownBy(() -> ClientConfigs.producer("b:1", "p", Map.of("value.serializer", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value.serializer");
        assertThatThrownBy(() -> new ConsumerGroupSpec("g", java.util.List.of("t"), 1, Map.of("group.id", "other")))
                .hasMessageContaining("group.id");
    }
}
