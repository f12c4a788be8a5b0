package org.trialevidence.trial;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/** The filter and sort parameters of the trial list, as sent; {@link TrialFilter#parse} validates them. */
public class TrialCriteria {
    @QueryParam("q")
    @Parameter(description = "Text in the acronym, an alias, the title, sponsor, design or population (case-insensitive); an exact name matches whatever its spacing or hyphens (INAVO 120).")
    public String q;

    @QueryParam("drug")
    @Parameter(description = "Drug code or alias from /api/v1/vocabulary/drugs, in any arm. Repeat for OR.", example = "ribociclib")
    public List<String> drug;

    @QueryParam("drugClass")
    @Parameter(description = "Drug class code or alias from /api/v1/vocabulary/drugClasses, in any arm (experimental or control; added= and comparator= ask what a comparison tests); umbrella classes match their children. Repeat for OR.", example = "CDK4/6i")
    public List<String> drugClass;

    @QueryParam("added")
    @Parameter(description = "Drug or drug class (code or alias) that the experimental arm of any of the trial's comparisons adds or swaps in"
            + " (see the results parameter of the same name); umbrella classes match their children. Repeat for OR.", example = "CDK4/6i")
    public List<String> added;

    @QueryParam("comparator")
    @Parameter(description = "Drug class (code or alias) of the control arm that any of the trial's comparisons is measured against"
            + " (see the results parameter of the same name); umbrella classes match their children. Repeat for OR.", example = "chemotherapy")
    public List<String> comparator;

    @QueryParam("setting")
    @Parameter(description = "Setting code or alias from /api/v1/vocabulary/settings; umbrella terms match their children. Repeat for OR.", example = "metastatic-first-line")
    public List<String> setting;

    @QueryParam("biomarker")
    @Parameter(description = "Biomarker code or alias from /api/v1/vocabulary/biomarkers, in the trial's selection or a reported subgroup. Repeat for OR.", example = "ESR1-mutant")
    public List<String> biomarker;

    @QueryParam("endpoint")
    @Parameter(description = "Endpoint code or alias from /api/v1/vocabulary/endpoints: trials reporting it. Repeat for OR.", example = "OS")
    public List<String> endpoint;

    @QueryParam("phase")
    @Parameter(description = "Phase as reported (1, 2, 3, ...; case-insensitive). Repeat for OR. /api/v1/dataset lists the phases present.", example = "3")
    public List<String> phase;

    @QueryParam("studyType")
    @Parameter(description = "randomized-controlled-trial, single-arm-trial, non-randomized-trial, not-stated (design not given by the reviews), meta-analysis, cohort or biomarker-association. Repeat for OR.", example = "randomized-controlled-trial")
    public List<String> studyType;

    @QueryParam("status")
    @Parameter(description = "completed, ongoing, results-immature or not-stated. Repeat for OR.", example = "ongoing")
    public List<String> status;

    @QueryParam("sort")
    @Parameter(description = "acronym, id, phase, setting or results (number of results); prefix '-' for descending. Default: acronym.", example = "-results")
    public String sort;
}
