package org.trialevidence.result;

import org.junit.jupiter.api.Test;
import org.trialevidence.paging.Sort;
import org.trialevidence.readmodel.TrialBlocks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The results' read model holds its index without the rows it was built from, and makes them again from the index
 * to write the model out: the rows made say what the rows read said (lists of terms as sets: no posting depends on
 * their order), and an index built from them answers every filter and order as the index they came from.
 */
class ResultIndexRowsAgainTest {
    private static final List<String> ENDPOINTS = List.of("PFS", "OS", "ORR", "CBR");
    private static final List<String> SETTINGS = List.of("metastatic-first-line", "metastatic-second-line", "early");
    private static final List<String> BIOMARKERS = List.of("ESR1-mutant", "HER2-low", "PIK3CA-mutant", "HR-positive");
    private static final List<String> DRUGS = List.of("palbociclib", "letrozole", "fulvestrant", "placebo", "camizestrant");
    private static final List<String> CLASSES = List.of("CDK4/6i", "AI", "SERD", "oral-SERD");
    private static final List<String> DOCUMENTS = List.of("review-1.txt", "review-2.txt", "review-3.txt");

    @Test
    void rowsMadeAgainFromTheIndexSayWhatTheRowsReadSaid() {
        Random random = new Random(13);
        for (int round = 0; round < 50; round++) {
            List<TrialBlocks.Block<ResultIndex.Row>> blocks = new ArrayList<>();
            for (int trial = 0; trial < 1 + random.nextInt(30); trial++) {
                String trialId = "trial-" + round + "-" + trial;
                List<ResultIndex.Row> rows = new ArrayList<>();
                for (int result = 0; result < 1 + random.nextInt(6); result++) {
                    rows.add(row(random, trialId + "-r" + result, trialId));
                }
                blocks.add(new TrialBlocks.Block<>("acronym-" + trial, trialId, rows));
            }
            TrialBlocks<ResultIndex.Row> read = TrialBlocks.of(blocks);
            ResultIndex index = build(read);

            TrialBlocks<ResultIndex.Row> again = read.withoutRows().withRows(index.rowsAgain()::row);

            assertEquals(comparable(read.rows()), comparable(again.rows()), "round " + round);
            ResultIndex rebuilt = build(again);
            for (ResultFilter filter : filters(random)) {
                for (String key : List.of("trial", "endpoint", "estimate", "pValue", "id")) {
                    for (boolean descending : List.of(false, true)) {
                        assertEquals(page(index, filter, key, descending), page(rebuilt, filter, key, descending),
                                "round " + round + ", " + filter + " by " + key);
                    }
                }
            }
        }
    }

    @Test
    void blocksWithoutRowsRefuseToBeRead() {
        TrialBlocks<ResultIndex.Row> read = TrialBlocks.of(List.of(new TrialBlocks.Block<>("a", "trial-a", List.of(row(new Random(1), "r", "trial-a")))));
        TrialBlocks<ResultIndex.Row> layout = read.withoutRows();
        assertEquals(1, layout.rowCount());
        assertThrows(IllegalStateException.class, layout::rows);
        assertThrows(IllegalStateException.class, () -> layout.write(java.io.OutputStream.nullOutputStream()));
    }

    private static ResultIndex build(TrialBlocks<ResultIndex.Row> rows) {
        ResultIndex.Builder builder = new ResultIndex.Builder("v1", false);
        rows.forEachRow(builder::add);
        return builder.build();
    }

    private static List<Integer> page(ResultIndex index, ResultFilter filter, String key, boolean descending) {
        return index.order(key).page(index.matching(filter), descending, 0, 10_000);
    }

    private static ResultIndex.Row row(Random random, String id, String trialId) {
        String effectMeasure = random.nextInt(5) == 0 ? null : pick(random, List.of("HR", "OR"));
        return new ResultIndex.Row(id, trialId, pick(random, ENDPOINTS), random.nextInt(8) == 0 ? null : pick(random, SETTINGS),
                pick(random, List.of("randomized-controlled-trial", "single-arm")), pick(random, List.of("itt", "subgroup")), effectMeasure,
                some(random, BIOMARKERS), some(random, DOCUMENTS), some(random, CLASSES), some(random, CLASSES),
                random.nextInt(3) == 0 ? null : random.nextBoolean(), random.nextInt(4) == 0,
                effectMeasure == null ? null : BigDecimal.valueOf(20 + random.nextInt(100), 2),
                random.nextBoolean() ? null : BigDecimal.valueOf(1 + random.nextInt(500), 4),
                List.of("arm " + random.nextInt(3), "placebo + letrozole"), some(random, DRUGS), some(random, CLASSES), null, null);
    }

    private static List<ResultFilter> filters(Random random) {
        List<ResultFilter> filters = new ArrayList<>();
        filters.add(filter(Map.of()));
        Map<String, List<String>> vocabularies = new LinkedHashMap<>();
        vocabularies.put("endpoints", ENDPOINTS);
        vocabularies.put("settings", SETTINGS);
        vocabularies.put("biomarkers", BIOMARKERS);
        vocabularies.put("drugs", DRUGS);
        vocabularies.put("drugClasses", CLASSES);
        vocabularies.put("added", CLASSES);
        vocabularies.put("comparators", CLASSES);
        vocabularies.put("effectMeasures", List.of("HR", "OR"));
        vocabularies.put("studyTypes", List.of("randomized-controlled-trial", "single-arm"));
        vocabularies.forEach((field, terms) -> terms.forEach(term -> filters.add(filter(Map.of(field, Set.of(term))))));
        for (int i = 0; i < 20; i++) {
            filters.add(filter(Map.of("endpoints", Set.of(pick(random, ENDPOINTS)), "biomarkers", Set.of(pick(random, BIOMARKERS)),
                    "drugClasses", new TreeSet<>(List.of(pick(random, CLASSES), pick(random, CLASSES))))));
        }
        ResultFilter all = filter(Map.of());
        filters.add(new ResultFilter(all.trialIds(), all.endpoints(), all.settings(), all.biomarkers(), all.arms(), all.drugs(), all.drugClasses(),
                all.added(), all.comparators(), Optional.of("subgroup"), all.effectMeasures(), Optional.of(true), Optional.of(new BigDecimal("0.7")),
                Optional.of(false), all.studyTypes(), all.sort(), Optional.empty()));
        filters.add(new ResultFilter(all.trialIds(), all.endpoints(), all.settings(), all.biomarkers(),
                List.of(new ResultFilter.ArmMatch("placebo", Set.of("camizestrant"))), all.drugs(), all.drugClasses(), all.added(), all.comparators(),
                Optional.of("itt"), all.effectMeasures(), Optional.of(false), Optional.empty(), Optional.of(true), all.studyTypes(), all.sort(),
                Optional.empty()));
        return filters;
    }

    private static ResultFilter filter(Map<String, Set<String>> terms) {
        Function<String, Set<String>> of = field -> terms.getOrDefault(field, Set.of());
        return new ResultFilter(Set.of(), of.apply("endpoints"), of.apply("settings"), of.apply("biomarkers"), List.of(), of.apply("drugs"),
                of.apply("drugClasses"), of.apply("added"), of.apply("comparators"), Optional.empty(), of.apply("effectMeasures"), Optional.empty(),
                Optional.empty(), Optional.empty(), of.apply("studyTypes"), new Sort("trial", false), Optional.empty());
    }

    /** A row with its lists of terms as sorted sets (their order is not kept); arm labels keep theirs. */
    private static List<List<Object>> comparable(List<ResultIndex.Row> rows) {
        List<List<Object>> comparable = new ArrayList<>();
        for (ResultIndex.Row row : rows) {
            List<Object> values = new ArrayList<>();
            values.addAll(java.util.Arrays.asList(row.id(), row.trialId(), row.endpoint(), row.setting(), row.studyType(), row.populationType(),
                    row.effectMeasure(), new TreeSet<>(row.biomarkers()), new TreeSet<>(row.documents()), new TreeSet<>(row.addedCodes()),
                    new TreeSet<>(row.comparatorCodes()), String.valueOf(row.significant()), row.conflicting(), String.valueOf(row.estimate()),
                    String.valueOf(row.pValue()), row.armLabels(), new TreeSet<>(row.drugs()), new TreeSet<>(row.drugClasses()),
                    String.valueOf(row.view()), String.valueOf(row.json())));
            comparable.add(values);
        }
        return comparable;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> some(Random random, List<String> values) {
        List<String> some = new ArrayList<>();
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                some.add(value);
            }
        }
        return some;
    }
}
