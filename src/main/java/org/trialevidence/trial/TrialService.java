package org.trialevidence.trial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.trialevidence.dataset.SourceViews;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageRequest;
import org.trialevidence.result.ResultService;
import org.trialevidence.result.ResultView;
import org.trialevidence.vocabulary.Term;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.util.List;
import java.util.function.Consumer;
import java.util.TreeSet;

/** Lists and presents trials. */
@ApplicationScoped
public class TrialService {
    @Inject
    EntityManager entityManager;
    @Inject
    TrialLookup lookup;
    @Inject
    ResultService results;
    @Inject
    SourceViews sources;

    /** Validates the criteria against the vocabularies and the phases present. */
    @Transactional
    public TrialFilter filter(TrialCriteria criteria) {
        return TrialFilter.parse(criteria, phases());
    }

    @Transactional
    public Page<TrialSummaryView> search(TrialFilter filter, PageRequest page) {
        return filter.where().page(entityManager, Trial.class, "t", "from Trial t", "from Trial t", filter.orderBy(), page, TrialService::summary);
    }

    /** Every matching trial in the filter's order, streamed (CSV with size=all). */
    @Transactional
    public void forEach(TrialFilter filter, Consumer<TrialSummaryView> action) {
        filter.where().forEach(entityManager, Trial.class, "t", "from Trial t", filter.orderBy(), trial -> action.accept(summary(trial)));
    }

    /** The phases as reported in the dataset: the values the phase filter accepts. */
    @Transactional
    public List<String> phases() {
        return entityManager.createQuery("select distinct t.phase from Trial t where t.phase is not null order by t.phase", String.class).getResultList();
    }

    @Transactional
    public TrialView get(String name) {
        Trial trial = lookup.get("idOrAcronymOrAlias", name);
        return new TrialView(trial.id, trial.acronym, trial.aliases(), trial.title, trial.studyType, trial.phase, trial.designNotes,
                trial.sponsor, trial.yearsConducted, trial.status, trial.setting, trial.lineOfTherapy, trial.population,
                trial.menopausalStatus, List.copyOf(new TreeSet<>(trial.biomarkers)), drugClasses(trial),
                trial.enrolment == null ? null : new TrialView.Enrolment(trial.enrolment.patients(), sources.of(trial.enrolment.source())),
                trial.arms.stream().map(TrialService::arm).toList(),
                trial.results.stream().map(results::view).toList(),
                trial.safety.stream().map(safety -> new TrialView.SafetyView(safety.text(),
                        safety.events().stream().map(e -> new TrialView.AdverseEvent(e.term(), e.arm(), e.grade(), e.percent())).toList(),
                        safety.corrections().stream().map(c -> new ResultView.Correction(c.field(), c.sourceShows(), c.served(), c.reason())).toList(),
                        sources.of(safety.source()))).toList(),
                trial.approvals.stream().map(a -> new TrialView.ApprovalView(a.agency(), a.dateAsReported(), a.note(), sources.of(a.source()))).toList(),
                trial.guideline == null ? null : new TrialView.Guideline(trial.guideline.text(), sources.of(trial.guideline.source())),
                sources.of(trial.sources),
                List.copyOf(trial.curationNotes));
    }

    private static TrialSummaryView summary(Trial trial) {
        return new TrialSummaryView(trial.id, trial.acronym, trial.aliases(), trial.title, trial.studyType, trial.phase, trial.status,
                trial.setting, trial.lineOfTherapy, trial.population, List.copyOf(new TreeSet<>(trial.biomarkers)),
                trial.arms.stream().flatMap(arm -> arm.drugs.stream()).map(ArmDrug::drug).distinct().toList(),
                drugClasses(trial),
                trial.results.stream().map(result -> result.endpoint).distinct().toList(),
                trial.results.size(), trial.sponsor, trial.yearsConducted);
    }

    private static List<String> drugClasses(Trial trial) {
        return trial.arms.stream().flatMap(arm -> arm.drugs.stream()).map(ArmDrug::drugClass).distinct().toList();
    }

    private static TrialView.ArmView arm(Arm arm) {
        var drugs = VocabularyCatalog.get().of(VocabularyKind.DRUGS);
        return new TrialView.ArmView(arm.armId, arm.label, arm.role, arm.dose, arm.drugs.stream()
                .map(drug -> new TrialView.DrugView(drug.drug(), drugs.byCode(drug.drug()).map(Term::label).orElse(drug.drug()), drug.drugClass()))
                .toList());
    }
}
