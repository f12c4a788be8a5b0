package org.trialevidence.paging;

import org.trialevidence.errors.ProblemException;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Parsing of single query values into typed filter parts, with a problem naming the parameter on failure. */
public final class QueryValues {
    private QueryValues() {
    }

    public static Optional<Boolean> bool(String parameter, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ProblemException.invalidParameter(parameter, "'" + value + "' is not true or false.", List.of("true", "false"), null);
        };
    }

    public static Optional<BigDecimal> positiveNumber(String parameter, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            if (number.signum() > 0 && number.compareTo(new BigDecimal("1000000")) < 0) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidParameter(parameter, "'" + value + "' is not a positive number such as 0.75.", null, null);
    }

    /** Values from a fixed list, matched case-insensitively; returns the canonical spellings. */
    public static Set<String> oneOf(String parameter, List<String> values, List<String> allowed) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            String match = allowed.stream().filter(candidate -> candidate.equalsIgnoreCase(value == null ? "" : value.strip())).findFirst()
                    .orElseThrow(() -> ProblemException.invalidParameter(parameter, "'" + value + "' is not an accepted " + parameter + ".", allowed, null));
            chosen.add(match);
        }
        return chosen;
    }
}
