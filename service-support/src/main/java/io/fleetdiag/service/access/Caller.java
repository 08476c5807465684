package io.fleetdiag.service.access;

import io.fleetdiag.service.http.Permission;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who makes a request, as its credential says: the subject (what audit fields such as {@code by} record),
 * what they may do, and what part of the fleet they see.
 */
public record Caller(String subject, Set<Permission> permissions, Scope scope) {

    public Caller {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A caller has a subject");
        }
        permissions = Set.copyOf(permissions);
        Objects.requireNonNull(scope, "scope");
    }

    /** The caller of a service that runs without identity ({@code http.auth=none}, loopback only): anything, everywhere. */
    public static Caller local() {
        return new Caller("local", EnumSet.allOf(Permission.class), Scope.ALL);
    }

    /** The caller of a {@link Permission#PUBLIC} route, whose credential is not asked for: may do nothing, sees nothing. */
    public static Caller anonymous() {
        return new Caller("anonymous", Set.of(), Scope.of(Set.of(), Set.of()));
    }

    public boolean may(Permission permission) {
        return permission == Permission.PUBLIC || permissions.contains(permission);
    }
}
