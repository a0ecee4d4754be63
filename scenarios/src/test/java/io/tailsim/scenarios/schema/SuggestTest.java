package io.tailsim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
    private static final List<String> KEYS = List.of("linger.ms", "batch.size", "acks", "buffer.memory", "max.request.size");

    @Test
    void separatorsCaseAndSmallTyposFindTheKey() {
        assertThat(Suggest.nearest("linger_ms", KEYS)).contains("linger.ms");
        assertThat(Suggest.nearest("lingerMs", KEYS)).contains("linger.ms");
        assertThat(Suggest.nearest("batch-size", KEYS)).contains("batch.size");
        assertThat(Suggest.nearest("bufer.memory", KEYS)).contains("buffer.memory");
        assertThat(Suggest.nearest("ack", KEYS)).contains("acks");
    }

    @Test
    void unrelatedKeysGetNoSuggestion() {
        assertThat(Suggest.nearest("replication.factor", KEYS)).isEmpty();
        assertThat(Suggest.nearest("zzz", KEYS)).isEmpty();
    }
}
