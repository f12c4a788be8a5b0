package org.trialevidence.paging;

/**
 * How the items of a list look: their CSV columns, the name a browser saves the CSV under, and the type an item is
 * serialized from in JSON (whose property paths fields= may name).
 */
public record ListShape<T>(CsvColumns<T> csvColumns, String csvFileName, Class<?> jsonItemType) { }
