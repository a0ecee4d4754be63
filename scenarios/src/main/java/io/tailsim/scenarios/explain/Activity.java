package io.tailsim.scenarios.explain;

import io.tailsim.models.cluster.TraceCollector;

/**
 * What a record was doing between two steps of its traced journey, in plain words, with the
 * resource it was waiting for or using and the latency component (the blog's produce, publish,
 * commit, plus the response's way back) the time belongs to.
 */
record Activity(String component, String words, String resource) {

    /** The same activity with the broker's name replaced by its role, so brokers pool together. */
    String kind() {
        String broker = brokerOf(resource);
        if (!broker.startsWith("broker-")) {
            return words;
        }
        String role = component.equals("commit") && words.startsWith("waiting for follower") ? "a follower" : "the leader";
        return words.replace(broker + "'s", role + "'s").replace("a " + broker + " ", "a leader's ")
                .replace("follower " + broker, role).replace(broker, role);
    }

    /** The activity that ends at step {@code to} of a journey. */
    static Activity endingAt(TraceCollector.Stage to) {
        String what = to.what();
        String where = to.where();
        String broker = brokerOf(where);
        if (what.startsWith("opened a new batch") || what.startsWith("joined batch")) {
            return new Activity("produce", "being added to a batch in the producer", "the producer");
        }
        if (what.startsWith("drained")) {
            return new Activity("produce", "waiting in the producer for its batch to be sent (linger.ms, filling, in-flight limit)",
                    "the producer");
        }
        if (what.startsWith("request read")) {
            return new Activity("publish", "travelling to " + broker + " and waiting to be read (network, muted connection)",
                    broker + " network");
        }
        if (what.startsWith("dequeued by handler")) {
            return new Activity("publish", "waiting in " + broker + "'s request queue", broker + " request queue");
        }
        if (what.startsWith("appended")) {
            return new Activity("publish", "being handled and appended by a " + broker + " request handler (incl. waiting for a CPU core)",
                    broker + " request handler and CPU");
        }
        if (what.startsWith("replicated")) {
            return new Activity("commit", "waiting for follower " + broker + " to fetch it (replication)",
                    broker + " replica fetcher");
        }
        if (what.startsWith("committed")) {
            return new Activity("commit", "waiting for " + broker + "'s high watermark (it learns from the followers' next fetch)",
                    broker + " high watermark");
        }
        if (what.startsWith("response ready")) {
            return new Activity("response", "completing in " + broker + "'s purgatory", broker + " purgatory");
        }
        if (what.startsWith("response sent")) {
            return new Activity("response", "waiting for " + broker + "'s network thread to send the response",
                    broker + " network thread");
        }
        if (what.startsWith("acknowledged")) {
            return new Activity("response", "travelling back to the producer", "the network");
        }
        return new Activity("other", "until '" + what + "' at " + where, where);
    }

    private static String brokerOf(String where) {
        int i = where.indexOf("broker-");
        if (i < 0) {
            return where;
        }
        int j = i + "broker-".length();
        while (j < where.length() && Character.isDigit(where.charAt(j))) {
            j++;
        }
        return where.substring(i, j);
    }
}
