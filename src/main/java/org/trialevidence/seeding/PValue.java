package org.trialevidence.seeding;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A p-value as printed ("<0.00001", "0.0002", "=0.03") read into a comparator and a number. */
public record PValue(String comparator, BigDecimal value) {
    private static final Pattern PRINTED = Pattern.compile("^\\s*(<=|>=|<|>|=)?\\s*([0-9]*\\.?[0-9]+(?:[eE]-?[0-9]+)?)\\s*$");

    public static Optional<PValue> parse(String printed) {
        if (printed == null) {
            return Optional.empty();
        }
        Matcher matcher = PRINTED.matcher(printed.replace('·', '.'));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String comparator = matcher.group(1) == null ? "=" : matcher.group(1);
        return Optional.of(new PValue(comparator, new BigDecimal(matcher.group(2))));
    }
}
