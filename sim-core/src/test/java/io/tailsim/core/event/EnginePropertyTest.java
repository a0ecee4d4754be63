package io.tailsim.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailsim.core.event.RandomWorkload.Delays;
import io.tailsim.core.event.RandomWorkload.Driver;
import io.tailsim.core.event.RandomWorkload.Fire;
import io.tailsim.core.event.RandomWorkload.Lists;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The engine's contract over random schedules (see {@link RandomWorkload}, which checks at every
 * firing): events fire in non-decreasing time, equal times in scheduling order, each at the time it
 * was scheduled for; a cancelled event never fires and every other one does.
 */
class EnginePropertyTest {
    private static final int BUDGET = 300;

    @Property(tries = 400)
    void firingOrderAndCancellationInvariantsHold(@ForAll long seed, @ForAll Delays delays, @ForAll Lists list,
            @ForAll Driver driver) {
        List<Fire> trace = new RandomWorkload(seed, delays, list, driver, BUDGET).run();
        assertThat(trace).isNotEmpty();
    }

    @Property(tries = 200)
    void theSameSeedGivesTheIdenticalTrace(@ForAll long seed, @ForAll Delays delays, @ForAll Lists list) {
        List<Fire> first = new RandomWorkload(seed, delays, list, Driver.RUN, BUDGET).run();
        List<Fire> second = new RandomWorkload(seed, delays, list, Driver.RUN, BUDGET).run();
        assertThat(second).containsExactlyElementsOf(first);
    }

    @Property(tries = 300)
    void theTraceDependsNeitherOnTheEventListNorOnHowTheRunIsDriven(@ForAll long seed, @ForAll Delays delays,
            @ForAll Lists list, @ForAll Driver driver) {
        List<Fire> reference = new RandomWorkload(seed, delays, Lists.TREE, Driver.RUN, BUDGET).run();
        List<Fire> trace = new RandomWorkload(seed, delays, list, driver, BUDGET).run();
        assertThat(trace).containsExactlyElementsOf(reference);
    }
}
