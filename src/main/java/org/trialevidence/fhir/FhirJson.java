package org.trialevidence.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** FHIR R5 JSON as HL7's reference implementation writes it. */
@ApplicationScoped
public class FhirJson {
    public static final String MEDIA_TYPE = "application/fhir+json";

    /**
     * Built once: a context introspects the whole R5 model and is thread-safe. Built in @PostConstruct rather than
     * a field initializer, which the client proxy's constructor would run a second time.
     */
    private FhirContext context;

    @PostConstruct
    void start() {
        context = FhirContext.forR5();
    }

    public String encode(IBaseResource resource) {
        // Parsers are cheap and not thread-safe: one per answer.
        return context.newJsonParser().encodeResourceToString(resource);
    }
}
