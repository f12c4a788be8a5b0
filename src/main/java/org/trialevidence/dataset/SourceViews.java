package org.trialevidence.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import org.trialevidence.seeding.TrialSeed;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Presents curated sources with the title of their review. */
@ApplicationScoped
public class SourceViews {
    private volatile Map<String, Review> reviews;

    public SourceView of(TrialSeed.Source source) {
        Review review = reviews().get(source.document());
        if (review == null) {
            // Every cited document is registered: one unknown here was registered since the reviews were read.
            reviews = null;
            review = reviews().get(source.document());
        }
        return new SourceView(source.document(), review == null ? null : review.title, source.location(), source.excerpt());
    }

    public List<SourceView> of(List<TrialSeed.Source> sources) {
        return sources.stream().map(this::of).toList();
    }

    private Map<String, Review> reviews() {
        if (reviews == null) {
            reviews = Review.<Review>listAll().stream().collect(Collectors.toUnmodifiableMap(review -> review.document, review -> review));
        }
        return reviews;
    }
}
