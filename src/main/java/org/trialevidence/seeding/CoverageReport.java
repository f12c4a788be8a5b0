package org.trialevidence.seeding;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How much of each review the dataset holds: studies it names, studies with results quoted from it, results by
 * endpoint, corrections, conflicts, and studies named without numbers. Run with {@code mvn -q exec:java@coverage}.
 */
public final class CoverageReport {
    private CoverageReport() {
    }

    /** The figures for one review. */
    public record ReviewCoverage(String document, int studiesNamed, int studiesWithResults, int studiesWithoutNumbers,
                                 int results, Map<String, Integer> resultsByEndpoint, int corrections, int conflictingResults) { }

    public static List<ReviewCoverage> of(SeedDataset dataset) {
        return dataset.sources().stream().map(source -> of(dataset, source.document())).toList();
    }

    static ReviewCoverage of(SeedDataset dataset, String document) {
        Predicate<TrialSeed.Source> fromReview = source -> source.document().equals(document);
        Predicate<TrialSeed.Result> resultFromReview = result -> result.sources().stream().anyMatch(fromReview);
        List<TrialSeed> named = dataset.trials().stream().filter(trial -> quotes(trial).anyMatch(fromReview)).toList();
        List<TrialSeed.Result> results = dataset.trials().stream().flatMap(trial -> trial.results().stream()).filter(resultFromReview).toList();
        Set<String> conflicting = conflicting(dataset);
        int withResults = (int) named.stream().filter(trial -> trial.results().stream().anyMatch(resultFromReview)).count();
        Map<String, Integer> byEndpoint = results.stream().collect(Collectors.groupingBy(TrialSeed.Result::endpoint, TreeMap::new, Collectors.summingInt(result -> 1)));
        int corrections = results.stream().mapToInt(result -> result.corrections().size()).sum()
                + named.stream().flatMap(trial -> trial.safety().stream()).filter(safety -> fromReview.test(safety.source())).mapToInt(safety -> safety.corrections().size()).sum();
        return new ReviewCoverage(document, named.size(), withResults, named.size() - withResults, results.size(), byEndpoint,
                corrections, (int) results.stream().filter(result -> conflicting.contains(result.id())).count());
    }

    /** Every source a trial record quotes, at any level. */
    private static Stream<TrialSeed.Source> quotes(TrialSeed trial) {
        return Stream.of(
                trial.sources().stream(),
                trial.results().stream().flatMap(result -> result.sources().stream()),
                trial.safety().stream().map(TrialSeed.Safety::source),
                trial.approvals().stream().map(TrialSeed.Approval::source),
                Stream.ofNullable(trial.guideline()).map(TrialSeed.SourcedText::source),
                Stream.ofNullable(trial.enrolment()).map(TrialSeed.Enrolment::source)).flatMap(s -> s);
    }

    private static Set<String> conflicting(SeedDataset dataset) {
        return dataset.trials().stream().flatMap(trial -> trial.results().stream())
                .flatMap(result -> result.conflictsWith().isEmpty() && result.disputedBy().isEmpty() ? Stream.empty()
                        : Stream.concat(Stream.of(result.id()), result.conflictsWith().stream()))
                .collect(Collectors.toSet());
    }

    static void print(SeedDataset dataset, PrintStream out) {
        List<ReviewCoverage> coverage = of(dataset);
        out.printf("Dataset %s: %d studies, %d results%n%n", dataset.version(), dataset.trials().size(),
                dataset.trials().stream().mapToInt(trial -> trial.results().size()).sum());
        out.printf("%-26s %8s %8s %10s %8s %12s %10s%n", "review", "studies", "with", "named", "results", "corrections", "conflicts");
        out.printf("%-26s %8s %8s %10s %8s %12s %10s%n", "", "named", "results", "w/o number", "", "", "");
        for (ReviewCoverage review : coverage) {
            out.printf("%-26s %8d %8d %10d %8d %12d %10d%n", review.document(), review.studiesNamed(), review.studiesWithResults(),
                    review.studiesWithoutNumbers(), review.results(), review.corrections(), review.conflictingResults());
        }
        out.println();
        out.println("Results by endpoint (a result quoting two reviews counts for each):");
        for (ReviewCoverage review : coverage) {
            out.printf("  %-26s %s%n", review.document(), review.resultsByEndpoint());
        }
        Map<String, Long> studyTypes = dataset.trials().stream().collect(Collectors.groupingBy(TrialSeed::studyType, TreeMap::new, Collectors.counting()));
        out.println();
        out.println("Studies by type: " + studyTypes);
        out.println("Studies without any result: " + dataset.trials().stream().filter(trial -> trial.results().isEmpty()).count());
    }

    public static void main(String[] args) {
        Path seed = Path.of(args.length > 0 ? args[0] : "seed-data");
        Path reviews = Path.of(args.length > 1 ? args[1] : "../shared/seeds");
        print(new SeedDataReader().read(seed, ReviewTexts.load(reviews)), System.out);
    }
}
