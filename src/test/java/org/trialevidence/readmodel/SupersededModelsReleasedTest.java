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

    @Test
    void theModelKeptOnDiskIsReleasedOnceAWriteMovesOn(@TempDir Path dataDirectory) throws InterruptedException {
        KeptOnlyWhenInstalledTest.Database database = new KeptOnlyWhenInstalledTest.Database();
        ReadModel<String> model = new ReadModel<>("Test", database, dataDirectory, new KeptOnlyWhenInstalledTest.Models());
        model.changedTo("seed.1");
        model.keep();
        WeakReference<String> kept = new WeakReference<>(model.current().model());

        database.version = "seed.2";
        model.changedTo("seed.2");

        assertEquals("patched seed.2", model.current().model());
        assertReleased(kept, "the model kept on disk");
    }

    @Test
    void theModelLoadedFromDiskIsReleasedOnceAWriteMovesOn(@TempDir Path dataDirectory) throws InterruptedException {
        KeptOnlyWhenInstalledTest.Database database = new KeptOnlyWhenInstalledTest.Database();
        ReadModel<String> model = new ReadModel<>("Test", database, dataDirectory, new KeptOnlyWhenInstalledTest.Models());
        model.changedTo("seed.1");
        model.keep();
        model.forget();
        WeakReference<String> loaded = new WeakReference<>(model.current().model());

        database.version = "seed.2";
        model.changedTo("seed.2");

        assertReleased(loaded, "the model loaded from disk");
    }

    @Test
    void theModelSeedingMadeIsReleasedOnceAWriteMovesOn(@TempDir Path dataDirectory) throws InterruptedException {
        KeptOnlyWhenInstalledTest.Database database = new KeptOnlyWhenInstalledTest.Database();
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

        database.version = "seed.2";
        model.changedTo("seed.2");

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
