package org.trialevidence.trial;

import java.util.List;

/** The kinds of study the dataset holds (the schema's studyType enumeration). */
public final class StudyTypes {
    public static final List<String> ALL = List.of("randomized-controlled-trial", "single-arm-trial", "non-randomized-trial",
            "meta-analysis", "cohort", "biomarker-association");

    private StudyTypes() {
    }
}
