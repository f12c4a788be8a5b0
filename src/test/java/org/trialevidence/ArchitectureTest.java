package org.trialevidence;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/architecture.md stays true: every package sits in one layer of its table, every reference to another package
 * of ours points to a lower layer (with no exception), and its diagram has exactly the
 * arrows the code has.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/trialevidence");
    private static final Path PAGE = Path.of("docs/architecture.md");
    /** A type of ours named in code: an import, or a fully qualified name. */
    private static final Pattern REFERENCE = Pattern.compile("org\\.trialevidence\\.(\\w+)\\.[A-Z]");
    private static final Pattern LAYER_ROW = Pattern.compile("^\\| (\\d+) \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern ARROW = Pattern.compile("^ {4}(\\w+) --> (\\w+)$", Pattern.MULTILINE);

    @Test
    void everyReferenceToAnotherPackagePointsToALowerLayer() throws IOException {
        Map<String, Integer> layers = layers();
        Set<String> packages = packages();
        assertEquals(packages, new TreeSet<>(layers.keySet()), "the layer table of docs/architecture.md lists each package once");
        List<String> upward = new ArrayList<>();
        for (String arrow : arrowsInCode()) {
            String[] ends = arrow.split("->");
            if (layers.get(ends[1]) >= layers.get(ends[0])) {
                upward.add(arrow + " (layer " + layers.get(ends[0]) + " uses layer " + layers.get(ends[1]) + ")");
            }
        }
        assertTrue(upward.isEmpty(), "imports that do not point down: " + upward);
    }

    @Test
    void theDiagramHasTheArrowsOfTheCode() throws IOException {
        Set<String> drawn = new TreeSet<>();
        Matcher arrow = ARROW.matcher(Files.readString(PAGE));
        while (arrow.find()) {
            drawn.add(arrow.group(1) + "->" + arrow.group(2));
        }
        assertEquals(arrowsInCode(), drawn, "the diagram of docs/architecture.md against the code's imports");
    }

    private static Map<String, Integer> layers() throws IOException {
        Map<String, Integer> layers = new HashMap<>();
        Matcher row = LAYER_ROW.matcher(Files.readString(PAGE));
        while (row.find()) {
            for (String name : row.group(2).split(",")) {
                String pkg = name.strip().replace("`", "");
                assertTrue(layers.put(pkg, Integer.parseInt(row.group(1))) == null, pkg + " is in two layers");
            }
        }
        return layers;
    }

    private static Set<String> packages() throws IOException {
        try (Stream<Path> entries = Files.list(SOURCES)) {
            return entries.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /** from->to for every package that names a type of another, in code (its own package line left out). */
    private static Set<String> arrowsInCode() throws IOException {
        Set<String> arrows = new TreeSet<>();
        for (String pkg : packages()) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher reference = REFERENCE.matcher(Files.readString(file).replaceFirst("(?m)^package .*$", ""));
                    while (reference.find()) {
                        if (!reference.group(1).equals(pkg)) {
                            arrows.add(pkg + "->" + reference.group(1));
                        }
                    }
                }
            }
        }
        return arrows;
    }
}
