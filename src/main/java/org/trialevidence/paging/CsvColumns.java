package org.trialevidence.paging;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.StreamingOutput;

/**
 * The CSV form of a list (RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break). Column names are the JSON field paths; lists are joined with "; "; numbers are plain decimals; booleans
 * are TRUE and FALSE, the spelling both pandas and R's read.csv read as booleans without options (R 4.2 reads
 * "true" as text).
 */
public final class CsvColumns<T> {
    private final List<String> names = new ArrayList<>();
    private final List<Function<T, Object>> values = new ArrayList<>();

    /** Names R's read.csv (check.names) and pandas keep unchanged: no brackets, spaces or other marks to rewrite. */
    private static final Pattern PORTABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._]*");

    public CsvColumns<T> add(String name, Function<T, Object> value) {
        if (!PORTABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("CSV column '" + name + "' would be renamed by R or pandas");
        }
        names.add(name);
        values.add(value);
        return this;
    }

    /** Every column of another shape, read from the part of this row it describes. */
    public <S> CsvColumns<T> addAll(CsvColumns<S> other, Function<T, S> part) {
        for (int i = 0; i < other.names.size(); i++) {
            Function<S, Object> value = other.values.get(i);
            add(other.names.get(i), row -> value.apply(part.apply(row)));
        }
        return this;
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    /** The paths fields= may name in this CSV: every column, and every dotted prefix of one (experimental for experimental.*). */
    public List<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        for (String name : names) {
            for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
                paths.add(name.substring(0, dot));
            }
            paths.add(name);
        }
        return List.copyOf(paths);
    }

    /** The columns whose names pass the test, in their order. */
    public CsvColumns<T> only(Predicate<String> kept) {
        CsvColumns<T> chosen = new CsvColumns<>();
        for (int i = 0; i < names.size(); i++) {
            if (kept.test(names.get(i))) {
                chosen.add(names.get(i), values.get(i));
            }
        }
        return chosen;
    }

    /** A response body that writes the header, then every item the producer hands over, as it comes. */
    public StreamingOutput stream(Consumer<Consumer<T>> producer) {
        return output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            row(writer, names);
            producer.accept(item -> {
                try {
                    row(writer, values.stream().map(value -> value.apply(item)).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
    }

    private static void row(Writer writer, List<?> fields) throws IOException {
        writer.write(fields.stream().map(CsvColumns::field).collect(Collectors.joining(",")));
        writer.write("\r\n");
    }

    static String field(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof Boolean bool) {
            text = bool ? "TRUE" : "FALSE";
        } else if (value instanceof BigDecimal number) {
            text = number.toPlainString();
        } else if (value instanceof Collection<?> list) {
            text = list.stream().map(String::valueOf).collect(Collectors.joining("; "));
        } else {
            text = value.toString();
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
