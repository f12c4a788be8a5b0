package org.trialevidence.vocabulary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Serves the vocabularies with usage counts taken from the database. */
@ApplicationScoped
public class VocabularyService {
    /** Per vocabulary: which trials and which results use a set of codes. */
    private static final Map<VocabularyKind, String[]> USAGE = new EnumMap<>(Map.of(
            VocabularyKind.SETTINGS, new String[] {
                    "select count(t) from Trial t where t.setting in :codes",
                    "select count(r) from Result r where r.trial.setting in :codes"},
            VocabularyKind.BIOMARKERS, new String[] {
                    "select count(distinct t) from Trial t left join t.biomarkers b where b in :codes or exists (select 1 from Result r join r.populationBiomarkers pb where r.trial = t and pb in :codes)",
                    "select count(distinct r) from Result r left join r.populationBiomarkers pb where pb in :codes or exists (select 1 from Trial t join t.biomarkers b where r.trial = t and b in :codes)"},
            VocabularyKind.ENDPOINTS, new String[] {
                    "select count(distinct r.trial) from Result r where r.endpoint in :codes",
                    "select count(r) from Result r where r.endpoint in :codes"},
            VocabularyKind.DRUG_CLASSES, new String[] {
                    "select count(distinct a.trial) from Arm a join a.drugs d where d.drugClass in :codes",
                    "select count(distinct r) from Result r join r.arms a join a.drugs d where d.drugClass in :codes"},
            VocabularyKind.DRUGS, new String[] {
                    "select count(distinct a.trial) from Arm a join a.drugs d where d.drug in :codes",
                    "select count(distinct r) from Result r join r.arms a join a.drugs d where d.drug in :codes"}));

    @Inject
    EntityManager entityManager;

    @Transactional
    public List<TermView> terms(VocabularyKind kind) {
        Vocabulary vocabulary = VocabularyCatalog.get().of(kind);
        return vocabulary.terms().stream().map(term -> {
            Set<String> codes = vocabulary.withDescendants(term.code());
            List<String> children = vocabulary.terms().stream().filter(other -> term.code().equals(other.parent())).map(Term::code).toList();
            return new TermView(term.code(), term.label(), term.aliases(), term.description(), term.parent(),
                    children.isEmpty() ? null : children, term.drugClass(), count(USAGE.get(kind)[0], codes), count(USAGE.get(kind)[1], codes));
        }).toList();
    }

    @Transactional
    public Map<String, List<TermView>> all() {
        Map<String, List<TermView>> all = new LinkedHashMap<>();
        for (VocabularyKind kind : VocabularyKind.values()) {
            all.put(kind.pathName, terms(kind));
        }
        return all;
    }

    private long count(String jpql, Set<String> codes) {
        return entityManager.createQuery(jpql, Long.class).setParameter("codes", codes).getSingleResult();
    }
}
