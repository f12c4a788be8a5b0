package org.trialevidence.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A GET whose ETag is the record's version (what If-Match on a write compares with), set by the resource itself
 * instead of the dataset-wide tag every other answer gets (dataset.ConditionalGet).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RecordETag {
}
