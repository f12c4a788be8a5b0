package org.trialevidence.auth;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.trialevidence.config.EvidenceConfig;

import java.io.IOException;

/**
 * Creates the embedded default's key pair on the first start. A start-up observer is early enough: SmallRye JWT reads
 * the verification key when the first request with a token needs it, not at boot (FirstStartTest starts on a
 * directory without keys), and an observer covers every way the service starts: java -jar, quarkus:dev and tests.
 */
@ApplicationScoped
public class LocalKeyPairOnStart {
    @Inject
    EvidenceConfig config;

    /** Before the seed-data load, which is long on large datasets, so that an unwritable data directory fails fast. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws IOException {
        if (config.auth().createLocalKey() && LocalKeyPair.ensure(config.dataDir())) {
            Log.infof("Created the signing key pair for curation tokens in %s", LocalKeyPair.directory(config.dataDir()).toAbsolutePath());
        }
    }
}
