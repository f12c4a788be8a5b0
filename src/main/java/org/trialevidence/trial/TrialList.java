package org.trialevidence.trial;

import org.trialevidence.paging.ListShape;
import org.trialevidence.paging.ListSource;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageRequest;

import java.util.function.Consumer;

/** The trials a filter matches, as a list endpoint pages them. */
record TrialList(TrialService trials, TrialFilter filter) implements ListSource<TrialSummaryView> {
    @Override
    public Page<TrialSummaryView> page(PageRequest request) {
        return trials.search(filter, request);
    }

    @Override
    public void forEach(Consumer<TrialSummaryView> item) {
        trials.forEach(filter, item);
    }

    @Override
    public ListShape<TrialSummaryView> shape() {
        return TrialCsv.SHAPE;
    }
}
