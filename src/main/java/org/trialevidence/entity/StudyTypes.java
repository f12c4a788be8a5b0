package org.trialevidence.entity;

import java.util.List;

/** The kinds of study the dataset holds (the schema's studyType enumeration). */
public final class StudyTypes {
    public static final List<String> ALL = List.of("randomized-controlled-trial", "single-arm-trial", "non-randomized-trial",
            "not-stated", "meta-analysis", "cohort", "biomarker-association");

    /**
     * Studies that compare or follow treatment arms (including those whose design the reviews leave unstated); the
     * evidence query shows these unless asked for others.
     */
    public static final List<String> TRIALS = List.of("randomized-controlled-trial", "single-arm-trial", "non-randomized-trial", "not-stated");
    /** The studyType value that asks for every kind of study. */
    public static final String EVERY_KIND = "all";

    private StudyTypes() {
    }
}
