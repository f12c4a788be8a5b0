package org.trialevidence.readmodel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialevidence.entity.Trial;

import java.lang.ref.WeakReference;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once the dataset moves on, a read model holds no model of an older version: not the one it kept on disk or loaded
 * from there, nor the one seeding made. At 100,000 trials each such model held tens of MB beside the current one.
 */
class SupersededModelsReleasedTest {

    private final KeptOnlyWhenInstalledTest.Database database = new KeptOnlyWhenInstalledTest.Database();

    @Test
    void theModelKeptOnDiskIsReleasedOnceAWriteMovesOn(@TempDir Path dataDirectory) throws InterruptedException {
        ReadModel<String> model = keptAtTheFirstVersion(dataDirectory);
        WeakReference<String> kept = new WeakReference<>(model.current().model());

        moveOn(model);

        assertEquals("patched seed.2", model.current().model());
        assertReleased(kept, "the model kept on disk");
    }

    @Test
    void theModelLoadedFromDiskIsReleasedOnceAWriteMovesOn(@TempDir Path dataDirectory) throws InterruptedException {
        ReadModel<String> model = keptAtTheFirstVersion(dataDirectory);
        model.forget();
        WeakReference<String> loaded = new WeakReference<>(model.current().model());

        moveOn(model);

        assertReleased(loaded, "the model loaded from disk");
    }

    /** A model built at the first version and kept on disk. */
    private ReadModel<String> keptAtTheFirstVersion(Path dataDirectory) {
        ReadModel<String> model = new ReadModel<>("Test", database, dataDirectory, new KeptOnlyWhenInstalledTest.Models());
        model.changedTo("seed.1");
        model.keep();
        return model;
    }

    /** A write: the database moves to the next version, and the model with it. */
    private void moveOn(ReadModel<String> model) {
        database.version = "seed.2";
        model.changedTo("seed.2");
    }

    @Test
    void theModelSeedingMadeIsReleasedOnceAWriteMovesOn(@TempDir Path dataDirectory) throws InterruptedException {
        ReadModel<String> model = new ReadModel<>("Test", database, dataDirectory, new KeptOnlyWhenInstalledTest.Models());
        model.installSeeded(new ReadModel.FromSeeding<>() {
            @Override
            public void add(Trial trial) {
            }

            @Override
            public String build(String version) {
                return new String("seeded " + version);
            }
        }, "seed.1");
        assertTrue(model.holdsSeeded());
        WeakReference<String> seeded = new WeakReference<>(model.current().model());

        moveOn(model);

        assertFalse(model.holdsSeeded(), "the model held is a patch, not the seeded one");
        assertReleased(seeded, "the model seeding made");
    }

    private static void assertReleased(WeakReference<String> superseded, String what) throws InterruptedException {
        for (int attempt = 0; attempt < 20 && superseded.get() != null; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(superseded.get(), what + " is still held");
    }
}
