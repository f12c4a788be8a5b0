package org.trialevidence.readmodel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialevidence.dataset.DatasetService;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model is kept on disk only once its work after install (storing derived columns) ran to its end: a start from
 * a model whose derived columns were not all written would take them as written.
 */
class KeptOnlyWhenInstalledTest {

    /** The database as far as a read model asks: one version, one seeding, every version's change naming one trial. */
    static final class Database extends DatasetService {
        String version = "seed.1";

        @Override
        public String version() {
            return version;
        }

        @Override
        public Optional<String> recentVersion() {
            return Optional.of(version);
        }

        @Override
        public <T> Snapshot<T> consistently(int timeoutSeconds, Supplier<T> read) {
            return new Snapshot<>(read.get(), version);
        }

        @Override
        public String versionInDatabase() {
            return version;
        }

        @Override
        public Optional<Set<String>> trialsChanged(String from, String to) {
            return Optional.of(Set.of("trial"));
        }

        @Override
        public String seededAt() {
            return "2026-12-04T00:00:00Z";
        }
    }

    /** Models are strings naming how they were made; installing fails while asked to. */
    static final class Models implements ReadModel.Source<String> {
        boolean failInstalling;

        @Override
        public String build(String version) {
            return "built " + version;
        }

        @Override
        public String patch(String current, Set<String> trialIds, String version) {
            return "patched " + version;
        }

        @Override
        public void installed(String model) {
            if (failInstalling) {
                throw new IllegalStateException("derived columns not written");
            }
        }

        @Override
        public boolean worthKeeping(String model) {
            return true;
        }

        @Override
        public void save(String model, OutputStream out) throws IOException {
            out.write(model.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String load(InputStream in, String version) throws IOException {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aModelWhoseInstallFailedIsNotKept(@TempDir Path dataDirectory) throws IOException {
        Database database = new Database();
        Models models = new Models();
        ReadModel<String> model = new ReadModel<>("Test", database, dataDirectory, models);
        Path kept = dataDirectory.resolve("read-models/test.kept");

        models.failInstalling = true;
        assertThrows(IllegalStateException.class, () -> model.changedTo("seed.1"));
        model.keep();
        assertFalse(Files.exists(kept), "a model whose install failed was kept");

        models.failInstalling = false;
        database.version = "seed.2";
        model.changedTo("seed.2");
        model.keep();
        assertTrue(Files.exists(kept));
        assertTrue(Files.readString(kept).endsWith("\npatched seed.2"), Files.readString(kept));
        assertEquals("patched seed.2", model.current().model());
    }
}
