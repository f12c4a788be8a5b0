package org.trialevidence.vocabulary;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** All controlled vocabularies, read once from the classpath; immutable and safe to share. */
public final class VocabularyCatalog {
    private final Map<VocabularyKind, Vocabulary> vocabularies = new EnumMap<>(VocabularyKind.class);

    private VocabularyCatalog() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (VocabularyKind kind : VocabularyKind.values()) {
            String resource = "vocabulary/" + kind.resourceFile;
            try (InputStream in = VocabularyCatalog.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + resource);
                }
                vocabularies.put(kind, new Vocabulary(kind, mapper.readValue(in, new TypeReference<List<Term>>() { })));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        Vocabulary drugClasses = vocabularies.get(VocabularyKind.DRUG_CLASSES);
        for (Term drug : vocabularies.get(VocabularyKind.DRUGS).terms()) {
            if (drug.drugClass() == null || drugClasses.byCode(drug.drugClass()).isEmpty()) {
                throw new IllegalStateException("drugs.json: " + drug.code() + " has unknown drugClass " + drug.drugClass());
            }
        }
    }

    private static final class Holder {
        static final VocabularyCatalog INSTANCE = new VocabularyCatalog();
    }

    public static VocabularyCatalog get() {
        return Holder.INSTANCE;
    }

    public Vocabulary of(VocabularyKind kind) {
        return vocabularies.get(kind);
    }
}
