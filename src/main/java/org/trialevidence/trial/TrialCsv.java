package org.trialevidence.trial;

import org.trialevidence.paging.CsvColumns;
import org.trialevidence.paging.ListShape;

/** The CSV columns of a trial-list item, named as its JSON fields. */
public final class TrialCsv {
    public static final CsvColumns<TrialSummaryView> COLUMNS = new CsvColumns<TrialSummaryView>()
            .add("id", TrialSummaryView::id)
            .add("acronym", TrialSummaryView::acronym)
            .add("aliases", TrialSummaryView::aliases)
            .add("title", TrialSummaryView::title)
            .add("studyType", TrialSummaryView::studyType)
            .add("phase", TrialSummaryView::phase)
            .add("status", TrialSummaryView::status)
            .add("setting", TrialSummaryView::setting)
            .add("lineOfTherapy", TrialSummaryView::lineOfTherapy)
            .add("population", TrialSummaryView::population)
            .add("biomarkers", TrialSummaryView::biomarkers)
            .add("drugs", TrialSummaryView::drugs)
            .add("drugClasses", TrialSummaryView::drugClasses)
            .add("endpoints", TrialSummaryView::endpoints)
            .add("resultCount", TrialSummaryView::resultCount)
            .add("sponsor", TrialSummaryView::sponsor)
            .add("yearsConducted", TrialSummaryView::yearsConducted);
    static final ListShape<TrialSummaryView> SHAPE = new ListShape<>(COLUMNS, "trials.csv", TrialSummaryView.class);

    private TrialCsv() {
    }
}
