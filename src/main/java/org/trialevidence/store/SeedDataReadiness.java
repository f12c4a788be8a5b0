package org.trialevidence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.dataset.StoringBehind;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the whole seed-data set is validated and its read models are installed; says whether the database
 * holds it yet (a large first start serves it while it is written behind, and curation waits for that).
 */
@Readiness
@ApplicationScoped
public class SeedDataReadiness implements HealthCheck {
    @Inject
    SeedDataLoader loader;
    @Inject
    StoringBehind storingBehind;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("seed-data").status(loader.isLoaded()).withData("stored", loader.isLoaded() && storingBehind.inProgress().isEmpty()).build();
    }
}
