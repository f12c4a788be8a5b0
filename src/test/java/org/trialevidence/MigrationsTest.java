package org.trialevidence;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema is changed once for both databases: the per-database V1..V4 are frozen (databases hold their checksums)
 * and differ only in the type words that application.properties sets as Flyway placeholders; every later migration is
 * one script in db/migration/common whose placeholders are set for both databases.
 */
class MigrationsTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Set<String> FROZEN = Set.of("V1__schema.sql", "V2__registered_sources.sql", "V3__contrasts.sql", "V4__name_skeletons.sql");
    private static final String DEFAULT_PREFIX = "quarkus.flyway.placeholders.";
    private static final String POSTGRESQL_PREFIX = "%postgresql.quarkus.flyway.placeholders.";
    private static final Pattern TOKEN = Pattern.compile("\\w+|\\W");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    @Test
    void thePerDatabaseScriptsAreTheFrozenOnes() throws IOException {
        assertEquals(FROZEN, scripts(MIGRATIONS.resolve("h2")), "db/migration/h2: a new migration goes to db/migration/common");
        assertEquals(FROZEN, scripts(MIGRATIONS.resolve("postgresql")), "db/migration/postgresql: a new migration goes to db/migration/common");
    }

    @Test
    void theFrozenScriptsDifferOnlyInThePlaceholdersTypeWords() throws IOException {
        Map<String, String> h2 = placeholders(DEFAULT_PREFIX);
        Map<String, String> postgresql = placeholders(POSTGRESQL_PREFIX);
        assertEquals(h2.keySet(), postgresql.keySet(), "placeholders set for H2 and for PostgreSQL");
        Set<String> allowed = new TreeSet<>();
        h2.forEach((name, word) -> allowed.add(word + " / " + postgresql.get(name)));
        for (String script : FROZEN) {
            List<String> left = tokens(MIGRATIONS.resolve("h2").resolve(script));
            List<String> right = tokens(MIGRATIONS.resolve("postgresql").resolve(script));
            assertEquals(left.size(), right.size(), script + ": the same statements in both databases");
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < left.size(); i++) {
                String pair = left.get(i) + " / " + right.get(i);
                if (!left.get(i).equals(right.get(i)) && !allowed.contains(pair)) {
                    differences.add(pair);
                }
            }
            assertTrue(differences.isEmpty(), script + " differs beyond the placeholders' type words " + allowed + ": " + differences);
        }
    }

    @Test
    void theCommonScriptsUseOnlyPlaceholdersSetForBothDatabases() throws IOException {
        Path common = MIGRATIONS.resolve("common");
        Map<String, String> h2 = placeholders(DEFAULT_PREFIX);
        Map<String, String> postgresql = placeholders(POSTGRESQL_PREFIX);
        assertFalse(h2.isEmpty(), "application.properties sets the type words as placeholders");
        for (String script : scripts(common)) {
            assertFalse(FROZEN.stream().anyMatch(frozen -> frozen.startsWith(script.substring(0, script.indexOf("__") + 2))),
                    script + " takes a version after V4");
            Matcher used = PLACEHOLDER.matcher(Files.readString(common.resolve(script)));
            while (used.find()) {
                assertTrue(h2.containsKey(used.group(1)) && postgresql.containsKey(used.group(1)),
                        script + " uses ${" + used.group(1) + "}, which application.properties must set for H2 and for PostgreSQL");
            }
        }
        for (String profile : List.of("", "%postgresql.")) {
            assertTrue(properties().getProperty(profile + "quarkus.flyway.locations").contains("db/migration/common"),
                    profile + "quarkus.flyway.locations includes db/migration/common");
        }
    }

    private static Set<String> scripts(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql")).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static List<String> tokens(Path script) throws IOException {
        List<String> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(Files.readString(script));
        while (token.find()) {
            tokens.add(token.group());
        }
        return tokens;
    }

    private static Map<String, String> placeholders(String prefix) throws IOException {
        Map<String, String> placeholders = new TreeMap<>();
        properties().forEach((key, value) -> {
            if (key.toString().startsWith(prefix)) {
                placeholders.put(key.toString().substring(prefix.length()), value.toString());
            }
        });
        return placeholders;
    }

    private static Properties properties() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(PROPERTIES)) {
            properties.load(in);
        }
        return properties;
    }
}
