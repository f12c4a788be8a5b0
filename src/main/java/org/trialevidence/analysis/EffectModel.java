package org.trialevidence.analysis;

import org.trialevidence.errors.ProblemException;
import org.trialevidence.paging.QueryValues;

import java.util.List;
import java.util.Locale;

/** Which pooled estimate leads (both are always computed): the emphasised diamond and the weights of the plot squares. */
public enum EffectModel {
    FIXED, RANDOM;

    static final List<String> CODES = List.of("fixed", "random");

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EffectModel fromQuery(String value) {
        return value == null ? RANDOM : of(QueryValues.oneOf("model", List.of(value), CODES).iterator().next());
    }

    static EffectModel fromBody(String value) {
        if (value == null) {
            return RANDOM;
        }
        return CODES.stream().filter(code -> code.equalsIgnoreCase(value.strip())).findFirst().map(EffectModel::of)
                .orElseThrow(() -> ProblemException.invalidBody("model", "'" + value + "' is not a model; use fixed or random.", CODES));
    }

    private static EffectModel of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
