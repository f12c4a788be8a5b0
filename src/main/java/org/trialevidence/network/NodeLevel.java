package org.trialevidence.network;

import org.trialevidence.paging.QueryValues;

import java.util.List;
import java.util.Locale;

/** What a node of the curated network is: a regimen by drug class (default) or by drug. */
public enum NodeLevel {
    CLASS, DRUG;

    static final List<String> CODES = List.of("class", "drug");

    static NodeLevel fromQuery(String value) {
        return value == null ? CLASS : valueOf(QueryValues.oneOf("nodes", List.of(value), CODES).iterator().next().toUpperCase(Locale.ROOT));
    }
}
