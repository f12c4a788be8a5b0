package org.trialevidence.auth;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Creates the embedded default's key pair on the first start. A start-up observer is early enough: SmallRye JWT reads
 * the verification key when the first request with a token needs it, not at boot (FirstStartTest starts on a
 * directory without keys), and an observer covers every way the service starts: java -jar, quarkus:dev and tests.
 */
@ApplicationScoped
public class LocalKeyPairOnStart {
    @ConfigProperty(name = "evidence.data-dir")
    Path dataDirectory;
    @ConfigProperty(name = "evidence.auth.create-local-key")
    boolean createLocalKey;

    /** Before the seed-data load, which is long on large datasets, so that an unwritable data directory fails fast. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws IOException {
        if (createLocalKey && LocalKeyPair.ensure(dataDirectory)) {
            Log.infof("Created the signing key pair for curation tokens in %s", LocalKeyPair.directory(dataDirectory).toAbsolutePath());
        }
    }
}
