package io.tailsim.cli.bench;

import io.tailsim.core.rng.RandomStream;

import java.util.PriorityQueue;

/** The baseline: a bare loop over java.util.PriorityQueue of reused items ordered by (time, seq). */
final class PriorityQueueHold implements HoldEngine {
    private final PriorityQueue<Item> queue;
    private final RandomStream rng;
    private final double twiceMean;
    private long now;
    private long nextSeq;
    private long fired;

    PriorityQueueHold(HoldModel model) {
        queue = new PriorityQueue<>(model.pending());
        rng = model.newRandom();
        twiceMean = model.twiceMean();
        for (int i = 0; i < model.pending(); i++) {
            queue.add(new Item(HoldModel.draw(rng, twiceMean), nextSeq++));
        }
    }

    @Override
    public void fire(long events) {
        for (long i = 0; i < events; i++) {
            Item e = queue.poll();
            now = e.time;
            fired++;
            e.time = now + HoldModel.draw(rng, twiceMean);
            e.seq = nextSeq++;
            queue.add(e);
        }
    }

    @Override
    public long eventsFired() {
        return fired;
    }

    @Override
    public int pending() {
        return queue.size();
    }

    @Override
    public long clockNanos() {
        return now;
    }

    private static final class Item implements Comparable<Item> {
        long time;
        long seq;

        Item(long time, long seq) {
            this.time = time;
            this.seq = seq;
        }

        @Override
        public int compareTo(Item o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
        }
    }
}
