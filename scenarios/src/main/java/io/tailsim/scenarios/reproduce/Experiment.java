package io.tailsim.scenarios.reproduce;

import java.util.List;

/**
 * One published experiment (an entry of published-results.yaml): the catalog files that re-run it
 * (scenarios/catalog/&lt;id&gt;/...) and the checks that compare tailsim's predictions with the
 * published bands. Bands are quoted from published-results.yaml, never tuned here.
 */
public interface Experiment {
    String id();

    /** What was published, in a sentence, for the report. */
    String published();

    /** Catalog files of this experiment, relative to its folder. */
    List<String> files();

    List<Check> evaluate(RunSet runs);
}
