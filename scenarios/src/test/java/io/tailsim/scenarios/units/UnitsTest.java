package io.tailsim.scenarios.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durationsAsPeopleWriteThem() {
        assertThat(Units.duration("5ms")).isEqualTo(5_000_000L);
        assertThat(Units.duration("500 us")).isEqualTo(500_000L);
        assertThat(Units.duration("500µs")).isEqualTo(500_000L);
        assertThat(Units.duration("1.5s")).isEqualTo(1_500_000_000L);
        assertThat(Units.duration("2m")).isEqualTo(120_000_000_000L);
        assertThat(Units.duration("2min")).isEqualTo(120_000_000_000L);
        assertThat(Units.duration("1h")).isEqualTo(3_600_000_000_000L);
        assertThat(Units.duration("250ns")).isEqualTo(250L);
        assertThat(Units.duration("0")).isZero();
    }

    @Test
    void kafkaMillisecondKeysTakeBareNumbersAsMilliseconds() {
        assertThat(Units.durationOrMillis("5")).isEqualTo(5_000_000L);
        assertThat(Units.durationOrMillis("0.5")).isEqualTo(500_000L);
        assertThat(Units.durationOrMillis("250us")).isEqualTo(250_000L);
    }

    @Test
    void sizesAreSiForKbAndBinaryForKib() {
        assertThat(Units.size("16KiB")).isEqualTo(16_384L);
        assertThat(Units.size("16KB")).isEqualTo(16_000L);
        assertThat(Units.size("16kB")).isEqualTo(16_000L);
        assertThat(Units.size("1MiB")).isEqualTo(1L << 20);
        assertThat(Units.size("2 GB")).isEqualTo(2_000_000_000L);
        assertThat(Units.size("512B")).isEqualTo(512L);
        assertThat(Units.size("512")).isEqualTo(512L);
        assertThat(Units.size("1.5KiB")).isEqualTo(1536L);
    }

    @Test
    void ratesOfBytesBitsAndRecords() {
        assertThat(Units.rate("90MB/s")).isEqualTo(Rate.bytes(90e6));
        assertThat(Units.rate("5MiB/s")).isEqualTo(Rate.bytes(5 * 1048576.0));
        assertThat(Units.rate("10Gbit/s")).isEqualTo(Rate.bytes(1.25e9));
        assertThat(Units.rate("10 Gbps")).isEqualTo(Rate.bytes(1.25e9));
        assertThat(Units.rate("1 record/s")).isEqualTo(Rate.records(1));
        assertThat(Units.rate("2000 records/s")).isEqualTo(Rate.records(2000));
        assertThat(Rate.bytes(90e6).recordsPerSecond(500)).isEqualTo(180_000);
    }

    @Test
    void fractions() {
        assertThat(Units.fraction("50%")).isEqualTo(0.5);
        assertThat(Units.fraction("0.25")).isEqualTo(0.25);
        assertThatThrownBy(() -> Units.fraction("50")).hasMessageContaining("50%");
    }

    @Test
    void aSizeWhereADurationBelongsNamesBothKinds() {
        assertThatThrownBy(() -> Units.duration("5MB"))
                .isInstanceOf(UnitException.class)
                .hasMessageContaining("'5MB' is a size")
                .hasMessageContaining("expected a duration in ns, us, ms, s, m or h");
        assertThatThrownBy(() -> Units.size("5ms")).hasMessageContaining("is a duration").hasMessageContaining("expected a size");
        assertThatThrownBy(() -> Units.rate("5MB")).hasMessageContaining("is a size").hasMessageContaining("expected a rate");
    }

    @Test
    void strictRejections() {
        assertThatThrownBy(() -> Units.duration("5")).hasMessageContaining("has no unit");
        assertThatThrownBy(() -> Units.duration("-5ms")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Units.duration("5 fortnights")).hasMessageContaining("unknown unit 'fortnights'");
        assertThatThrownBy(() -> Units.duration("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Units.duration("ms")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> Units.duration("0.5ns")).hasMessageContaining("whole number of nanoseconds");
        assertThatThrownBy(() -> Units.size("1.5B")).hasMessageContaining("whole number of bytes");
        assertThatThrownBy(() -> Units.size("99999999TiB")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Units.rate("100Mb/s")).hasMessageContaining("ambiguous").hasMessageContaining("Mbit/s")
                .hasMessageContaining("MB/s");
    }

    @Property(tries = 300)
    void durationFormatThenParseIsIdentity(@ForAll @LongRange(min = 0, max = 1_000_000_000_000_000L) long nanos) {
        assertThat(Units.duration(Units.formatDuration(nanos))).isEqualTo(nanos);
    }

    @Property(tries = 300)
    void roundDurationsFormatInTheirUnit(@ForAll @LongRange(min = 1, max = 100_000) long ms) {
        assertThat(Units.formatDuration(ms * 1_000_000L)).doesNotContain("ns").doesNotContain("us");
    }

    @Property(tries = 300)
    void sizeFormatThenParseIsIdentity(@ForAll @LongRange(min = 0, max = 1L << 50) long bytes) {
        assertThat(Units.size(Units.formatSize(bytes))).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void rateFormatThenParseIsIdentity(@ForAll @DoubleRange(min = 0, max = 1e12) double perSecond, @ForAll boolean records) {
        Rate r = records ? Rate.records(perSecond) : Rate.bytes(perSecond);
        assertThat(Units.rate(Units.formatRate(r))).isEqualTo(r);
    }
}
