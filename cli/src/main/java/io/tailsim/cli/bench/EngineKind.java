package io.tailsim.cli.bench;

import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

import java.util.Arrays;
import java.util.function.Function;

/** The engines compared, under the names used in engine-bench.json. */
public enum EngineKind {
    TAILSIM("tailsim", TailsimHold::new),
    SSJ_SPLAYTREE("ssj-splaytree", m -> new SsjHold(m, new SplayTree())),
    SSJ_BINARYTREE("ssj-binarytree", m -> new SsjHold(m, new BinaryTree())),
    JAVA_PRIORITYQUEUE("java-priorityqueue", PriorityQueueHold::new);

    private final String id;
    private final Function<HoldModel, HoldEngine> factory;

    EngineKind(String id, Function<HoldModel, HoldEngine> factory) {
        this.id = id;
        this.factory = factory;
    }

    public String id() {
        return id;
    }

    /** A new engine filled to {@code model.pending()} events (the fill is not part of any timing). */
    public HoldEngine create(HoldModel model) {
        return factory.apply(model);
    }

    public static EngineKind byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown engine '" + id + "'; known: "
                        + Arrays.stream(values()).map(EngineKind::id).toList()));
    }
}
