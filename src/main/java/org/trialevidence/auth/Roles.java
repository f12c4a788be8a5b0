package org.trialevidence.auth;

/**
 * The roles a bearer token's {@code groups} claim can carry. Reading needs none: every GET stays open to anonymous
 * readers. An admin token carries both groups, so an endpoint for curators needs to name only {@link #CURATOR}.
 */
public final class Roles {
    public static final String CURATOR = "curator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
