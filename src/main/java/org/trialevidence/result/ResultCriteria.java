package org.trialevidence.result;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/** The filter and sort parameters of the evidence query, as sent; {@link ResultFilter#parse} validates them. */
public class ResultCriteria {
    @QueryParam("trial")
    @Parameter(description = "Trial id, acronym or alias, case-insensitive (INAVO 120 = INAVO120). Repeat for OR.", example = "SERENA-6")
    public List<String> trial;

    @QueryParam("endpoint")
    @Parameter(description = "Endpoint code or alias from /api/v1/vocabulary/endpoints (PFS, OS, ORR, CBR, DFS, IDFS, PCR, TTP, ...). Repeat for OR.", example = "PFS")
    public List<String> endpoint;

    @QueryParam("setting")
    @Parameter(description = "Setting code or alias from /api/v1/vocabulary/settings; umbrella terms match their children (metastatic = first-line, second-line, later lines; early = adjuvant, neoadjuvant). Repeat for OR.", example = "metastatic")
    public List<String> setting;

    @QueryParam("biomarker")
    @Parameter(description = "Biomarker code or alias from /api/v1/vocabulary/biomarkers (ESR1, ESR1m, ESR1-mutant are one term); matches the trial's selection or the result's subgroup; umbrella terms match their children. Repeat for OR.", example = "ESR1")
    public List<String> biomarker;

    @QueryParam("arm")
    @Parameter(description = "Text in an arm's label, or a drug (code or alias) of an arm the result reports. Repeat for OR.", example = "camizestrant")
    public List<String> arm;

    @QueryParam("drug")
    @Parameter(description = "Drug code or alias from /api/v1/vocabulary/drugs, in any arm the result reports (experimental or control). Repeat for OR.", example = "palbociclib")
    public List<String> drug;

    @QueryParam("drugClass")
    @Parameter(description = "Drug class code or alias from /api/v1/vocabulary/drugClasses, in any arm the result reports (experimental or control; use added= or comparator= for what a comparison tests); umbrella classes match their children (endocrine-therapy, SERD covers oral-SERD). Repeat for OR.", example = "CDK4/6i")
    public List<String> drugClass;

    @QueryParam("added")
    @Parameter(description = "Drug or drug class (code or alias) that the experimental arm adds or swaps in against the control arm, by the"
            + " comparison's contrast; umbrella classes match their children (added=endocrine-therapy covers oral-SERD). Unlike drugClass, it"
            + " does not match a drug both arms get (SERENA-6 gives a CDK4/6 inhibitor in both arms, so added=CDK4/6i does not match it)."
            + " Repeat for OR.", example = "CDK4/6i")
    public List<String> added;

    @QueryParam("comparator")
    @Parameter(description = "Drug class (code or alias) of the control arm the contrast is measured against: what the experimental arm"
            + " replaces, or the background of an add-on; placebo for a placebo- or observation-only control. Umbrella classes match their"
            + " children (comparator=endocrine-therapy covers AI, SERD, ...). Repeat for OR.", example = "endocrine-therapy")
    public List<String> comparator;

    @QueryParam("population")
    @Parameter(description = "itt (whole randomized population) or subgroup.")
    public String population;

    @QueryParam("effectMeasure")
    @Parameter(description = "HR, OR or RR. Repeat for OR.", example = "HR")
    public List<String> effectMeasure;

    @QueryParam("significant")
    @Parameter(description = "true: the CI excludes 1; false: the CI includes 1. Results without a CI match neither.")
    public String significant;

    @QueryParam("maxHazardRatio")
    @Parameter(description = "Only hazard ratios at or below this value (a positive number).")
    public String maxHazardRatio;

    @QueryParam("conflicting")
    @Parameter(description = "true: only results whose value another source reports differently; false: only results without such a conflict.")
    public String conflicting;

    @QueryParam("studyType")
    @Parameter(description = "randomized-controlled-trial, single-arm-trial, non-randomized-trial, not-stated (design not given by the reviews), meta-analysis, cohort, biomarker-association, or all. Repeat for OR. Default: the trial kinds (the first four); meta-analyses, cohorts and biomarker associations are only included when asked for.", example = "meta-analysis")
    public List<String> studyType;

    @QueryParam("sort")
    @Parameter(description = "trial, endpoint, hazardRatio (the estimate; also 'estimate'), pValue or id; prefix '-' for descending. Default: trial.", example = "hazardRatio")
    public String sort;
}
