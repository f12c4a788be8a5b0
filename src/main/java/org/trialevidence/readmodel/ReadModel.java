package org.trialevidence.readmodel;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.dataset.DatasetVersions;
import org.trialevidence.entity.Trial;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Holds an in-memory read model of the dataset version the database holds, and moves it on when the version moves:
 * by patching the trials the change log names since the version it holds (a write on this replica, or on another
 * one), by building it from every trial when the log cannot say (first start, a gap in the log, another seed).
 * A version older than the one held is never built. Readers get the model of one version, never half of one.
 * A model that takes long to build is kept in the data directory (after a full build and when the service stops)
 * and a new process of the same build starts from it, patched up to the database's version from the change log.
 */
public final class ReadModel<M> {
    /** How a model is read from the database; both run inside one consistent read of the version they are given. */
    public interface Source<M> {
        M build(String version);

        /** The model of the version with the trials read again and every other trial kept from current; null when it cannot be patched. */
        M patch(M current, Set<String> trialIds, String version);

        /** Work after the read's transaction ended (writing derived columns), given the model just installed. */
        default void installed(M model) {
        }

        /** Whether the model is worth keeping on disk for the next start (building it takes long). */
        default boolean worthKeeping(M model) {
            return false;
        }

        /** Writes what {@link #load} needs to make the model again without reading the database. */
        default void save(M model, OutputStream out) throws IOException {
            throw new UnsupportedOperationException();
        }

        default M load(InputStream in, String version) throws IOException {
            throw new UnsupportedOperationException();
        }

        /**
         * Collects the model from the trials a seeding of this many results writes, or null when the model is read
         * from the database after the seeding. The model it builds must equal the one {@link #build} reads.
         */
        default FromSeeding<M> fromSeeding(int resultCount) {
            return null;
        }

        /**
         * A trial a seeding of this many results is about to insert (after the model's rows of it were made, maybe from
         * another copy): what the model keeps in the database goes into its rows. Called on several threads at once.
         */
        default void storing(Trial trial, int resultCount) {
        }
    }

    /** A model made from the trials seeding writes ({@link org.trialevidence.entity.SeededTrials}). */
    public interface FromSeeding<M> {
        /** A trial as seeding writes it; called on several threads at once. */
        void add(Trial trial);

        M build(String version);
    }

    /**
     * The build that makes the models, so a kept model made by another build is not used (a build derives rows,
     * contrasts, labels and views its own way): a digest of the application's own jar (its code and vocabularies),
     * found by a resource of ours, and in Quarkus's layout beside it also of the jars of generated and transformed
     * bytecode and of the names of the libraries (their versions). Running from class directories (tests, dev
     * mode), the builds are not told apart.
     */
    static final String BUILD = buildOf(ReadModel.class.getClassLoader().getResource("vocabulary/settings.json"));

    static String buildOf(URL resource) {
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            return "classes";
        }
        try {
            String path = resource.getPath();
            Path jar = Path.of(new URI(path.substring(0, path.indexOf("!/"))));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digestFile(jar, digest);
            Path application = jar.getParent().getParent();
            if (Files.isRegularFile(application.resolve("quarkus-run.jar"))) {
                try (Stream<Path> files = Files.walk(application)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = application.relativize(file).toString();
                        digest.update(name.getBytes(StandardCharsets.UTF_8));
                        if (name.startsWith("quarkus" + file.getFileSystem().getSeparator()) && name.endsWith(".jar")) {
                            digestFile(file, digest);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            Log.warnf(e, "The application's build cannot be told from %s: read models kept on disk are not used", resource);
            return "unknown-" + UUID.randomUUID();
        }
    }

    private static void digestFile(Path file, MessageDigest digest) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** A model and the dataset version it is of. */
    public record Versioned<M>(M model, String version) { }

    private final String name;
    private final DatasetService dataset;
    private final Source<M> source;
    /** Where the model is kept between runs, with the version and the seeding it is of on its first line. */
    private final Path keptFile;
    private volatile Versioned<M> current;
    /** The last model whose work after install ran to its end (derived columns written): the one worth keeping. */
    private volatile Versioned<M> installed;
    /**
     * The version the kept file holds, written or loaded by this process. Not the model: once writes move on, a
     * reference to it would keep a whole superseded version in the heap (its orders and postings, tens of MB at
     * 100,000 trials).
     */
    private volatile String keptVersion;
    /** Whether the model held is the one made from what this process seeded (not the model, as above). */
    private volatile boolean holdsSeeded;

    public ReadModel(String name, DatasetService dataset, Path dataDirectory, Source<M> source) {
        this.name = name;
        this.dataset = dataset;
        this.source = source;
        this.keptFile = dataDirectory.resolve("read-models").resolve(name.toLowerCase(Locale.ROOT) + ".kept");
    }

    /**
     * The model of the dataset's current version. On the event loop, the model held: a read is sent there because
     * the model was current a moment ago ({@link #currentWithoutBlocking}), and the event loop must neither read the
     * database nor wait for a build.
     */
    public Versioned<M> current() {
        Versioned<M> held = current;
        if (held != null && Context.isOnEventLoopThread()) {
            return held;
        }
        String version = dataset.version();
        // A model newer than the version this replica last read from the database is current too.
        return held != null && !DatasetVersions.isBefore(held.version(), version) ? held : catchUp(version);
    }

    /** The model held when it is of the version read from the database within the last second; never blocks. */
    public Optional<Versioned<M>> currentWithoutBlocking() {
        Versioned<M> held = current;
        return held != null && dataset.recentVersion().filter(version -> !DatasetVersions.isBefore(held.version(), version)).isPresent()
                ? Optional.of(held) : Optional.empty();
    }

    /** The watch read this version: a model held is brought up to it; one not held yet is left to the first read. */
    void followDataset(String version) {
        Versioned<M> held = current;
        if (held != null && DatasetVersions.isBefore(held.version(), version)) {
            catchUp(version);
        }
    }

    /** The database holds this version (or a newer one): brings the model up to it unless it is there already. */
    public void changedTo(String version) {
        catchUp(version);
    }

    /** Reads every trial again, whatever the model held: the full build a patched model must equal. */
    public Versioned<M> rebuild() {
        return update(null);
    }

    private synchronized Versioned<M> catchUp(String version) {
        Versioned<M> held = current;
        if (held == null) {
            held = loadKept().orElse(null);
        } else if (!DatasetVersions.isBefore(held.version(), version)) {
            return held;
        }
        return update(held);
    }

    /** Whether the work after install of this model (derived columns written) ran to its end. */
    public boolean fullyInstalled(Versioned<M> model) {
        return model == installed;
    }

    /** Writes the model installed last to the data directory, unless it is kept there already or not worth keeping. */
    public void keep() {
        synchronized (keptFile) {
            keepHeld();
        }
    }

    private void keepHeld() {
        // Not the model held when its derived columns are still being written: a start from it would take them as done.
        Versioned<M> held = installed;
        if (held == null || held.version().equals(keptVersion) || !source.worthKeeping(held.model())) {
            return;
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(keptFile.getParent());
            Path written = keptFile.resolveSibling(keptFile.getFileName() + ".writing");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(written), 1 << 16)) {
                out.write((held.version() + "\t" + dataset.seededAt() + "\t" + BUILD + "\n").getBytes(StandardCharsets.UTF_8));
                source.save(held.model(), out);
            }
            Files.move(written, keptFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            keptVersion = held.version();
            Log.infof("%s read model of dataset %s kept in %s in %d ms", name, held.version(), keptFile, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            Log.warnf(e, "%s read model not kept in %s: the next start builds it", name, keptFile);
        }
    }

    /** Drops the model held: the next read starts from the kept one, as a new process does. */
    synchronized void forget() {
        current = null;
        installed = null;
        holdsSeeded = false;
    }

    /**
     * The model kept by an earlier run on this database (same seeding), whatever its version: the change log brings
     * it up to date. A model of another database, or one that cannot be read, is ignored.
     */
    private Optional<Versioned<M>> loadKept() {
        if (!Files.isRegularFile(keptFile)) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(keptFile), 1 << 16)) {
            String[] header = firstLine(in).split("\t");
            String seededAt = dataset.seededAt();
            if (header.length < 2 || !header[1].equals(seededAt)) {
                Log.infof("%s read model in %s is of another database (seeded %s, this one %s): not used", name, keptFile,
                        header.length > 1 ? header[1] : "?", seededAt);
                return Optional.empty();
            }
            String build = header.length > 2 ? header[2] : "?";
            if (!build.equals(BUILD)) {
                Log.infof("%s read model in %s was made by another build of the service (%s, this one %s): not used", name, keptFile, build, BUILD);
                return Optional.empty();
            }
            Versioned<M> loaded = new Versioned<>(source.load(in, header[0]), header[0]);
            keptVersion = loaded.version();
            Log.infof("%s read model of dataset %s loaded from %s in %d ms", name, loaded.version(), keptFile, (System.nanoTime() - started) / 1_000_000);
            return Optional.of(loaded);
        } catch (IOException | RuntimeException e) {
            Log.warnf(e, "%s read model in %s cannot be read: it is built from the database", name, keptFile);
            return Optional.empty();
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("no header line");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    String name() {
        return name;
    }

    /** Whether the model held is the one made from what this process seeded. */
    boolean holdsSeeded() {
        return holdsSeeded;
    }

    /** What the model keeps in the rows of a trial a seeding of this many results is about to insert. */
    void storing(Trial trial, int resultCount) {
        source.storing(trial, resultCount);
    }

    /** The source's collector of the model of a seeding of this many results, or null. */
    FromSeeding<M> fromSeeding(int resultCount) {
        return source.fromSeeding(resultCount);
    }

    /**
     * Installs the model seeding made of the version it committed, unless one of that version or a newer one is held:
     * as a full build does, and kept on disk in the same way.
     */
    synchronized void installSeeded(FromSeeding<M> seeding, String version) {
        Versioned<M> held = current;
        if (held != null && !DatasetVersions.isBefore(held.version(), version)) {
            return;
        }
        long started = System.nanoTime();
        install(new Versioned<>(seeding.build(version), version), true);
        Log.infof("%s read model of dataset %s made from the trials seeding wrote in %d ms", name, version, (System.nanoTime() - started) / 1_000_000);
        keepInBackground();
    }

    private void install(Versioned<M> next, boolean fromSeeding) {
        if (next != current) {
            holdsSeeded = fromSeeding;
        }
        current = next;
        source.installed(next.model());
        installed = next;
    }

    /** Kept at once, off the request that needed it: a crash does not lose the build. */
    private void keepInBackground() {
        Thread keeper = new Thread(this::keep, name + "-read-model-keeper");
        keeper.setDaemon(true);
        keeper.start();
    }

    private synchronized Versioned<M> update(Versioned<M> held) {
        long started = System.nanoTime();
        boolean[] patched = {false};
        DatasetService.Snapshot<M> read = dataset.consistently(DatasetService.LONG_TRANSACTION_SECONDS, () -> {
            String version = dataset.versionInDatabase();
            if (held != null && held.version().equals(version)) {
                patched[0] = true;
                return held.model();
            }
            Optional<Set<String>> changed = held == null ? Optional.empty() : dataset.trialsChanged(held.version(), version);
            M model = changed.map(trials -> source.patch(held.model(), trials, version)).orElse(null);
            patched[0] = model != null;
            return model != null ? model : source.build(version);
        });
        Versioned<M> next = held != null && held.version().equals(read.version()) ? held : new Versioned<>(read.value(), read.version());
        install(next, false);
        Log.infof("%s read model of dataset %s %s in %d ms", name, next.version(),
                patched[0] ? "patched from " + held.version() : "built", (System.nanoTime() - started) / 1_000_000);
        if (!patched[0]) {
            keepInBackground();
        }
        return next;
    }
}
