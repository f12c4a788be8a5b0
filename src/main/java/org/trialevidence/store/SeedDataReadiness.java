package org.trialevidence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the whole seed-data set is validated and loaded. */
@Readiness
@ApplicationScoped
public class SeedDataReadiness implements HealthCheck {
    @Inject
    SeedDataLoader loader;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("seed-data").status(loader.isLoaded()).build();
    }
}
