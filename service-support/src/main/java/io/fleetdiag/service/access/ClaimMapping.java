package io.fleetdiag.service.access;

import io.fleetdiag.service.http.Permission;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a verified token's claims name its {@link Caller}: the subject claim; the claims that list roles or
 * groups (a dotted path reaches into an object, as Keycloak's {@code realm_access.roles}) and the grants
 * each role gives; the claims that list the merchant accounts and stores the caller sees. A caller sees the
 * whole fleet only through a role named in {@code wholeFleetRoles}: a token without scope claims and
 * without such a role sees nothing, so a forgotten mapper in the provider fails closed.
 *
 * @param roleGrants role name to the permissions it grants; roles not listed grant nothing
 */
public record ClaimMapping(String subjectClaim, List<String> roleClaims, Map<String, Set<Permission>> roleGrants,
                           Set<String> wholeFleetRoles, String merchantAccountsClaim, String storesClaim) {

    /** Keycloak's realm roles, with the role names docs/security.md suggests. */
    public static final ClaimMapping DEFAULT = new ClaimMapping("sub", List.of("realm_access.roles"),
            parseGrants("fleetdiag-viewer=fleet:read; fleetdiag-operator=fleet:read,alerts:operate,checks:run;"
                    + " fleetdiag-admin=fleet:read,alerts:operate,checks:run,admin"),
            Set.of("fleetdiag-fleet"), "fleetdiag_merchant_accounts", "fleetdiag_stores");

    public ClaimMapping {
        requireText(subjectClaim, "subjectClaim");
        requireText(merchantAccountsClaim, "merchantAccountsClaim");
        requireText(storesClaim, "storesClaim");
        roleClaims = List.copyOf(roleClaims);
        Map<String, Set<Permission>> grants = new HashMap<>();
        roleGrants.forEach((role, permissions) -> grants.put(role, Set.copyOf(permissions)));
        roleGrants = Map.copyOf(grants);
        wholeFleetRoles = Set.copyOf(wholeFleetRoles);
    }

    /**
     * Role grants as configuration writes them: {@code role=grant,grant; role=grant}, grants by their names
     * ({@code fleet:read}, {@code alerts:operate}, {@code checks:run}, {@code admin}).
     *
     * @throws IllegalArgumentException naming the entry or grant that is not understood
     */
    public static Map<String, Set<Permission>> parseGrants(String text) {
        Map<String, Set<Permission>> grants = new HashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not role=grant,grant");
            }
            grants.put(entry.substring(0, equals).trim(), permissions(entry.substring(equals + 1)));
        }
        return grants;
    }

    /** Grants by name, comma-separated; {@code public} is not one a token can be given. */
    public static Set<Permission> permissions(String names) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String name : names.split(",")) {
            String grant = name.trim();
            if (grant.isEmpty()) {
                continue;
            }
            permissions.add(Arrays.stream(Permission.values()).filter(p -> p != Permission.PUBLIC && p.grant().equals(grant))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("'" + grant + "' is not a grant; the grants are "
                            + "fleet:read, alerts:operate, checks:run and admin")));
        }
        return permissions;
    }

    /** The caller the claims describe; a refusal when the subject claim is missing. */
    public Caller caller(Map<String, Object> claims) throws Authenticator.Unauthenticated {
        Object subject = claim(claims, subjectClaim);
        if (!(subject instanceof String name) || name.isBlank()) {
            throw new Authenticator.Unauthenticated("The token has no '" + subjectClaim + "' claim to name its subject");
        }
        Set<String> roles = new LinkedHashSet<>();
        roleClaims.forEach(path -> roles.addAll(values(claim(claims, path))));
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> permissions.addAll(roleGrants.getOrDefault(role, Set.of())));
        Scope scope = roles.stream().anyMatch(wholeFleetRoles::contains) ? Scope.ALL
                : Scope.of(values(claim(claims, merchantAccountsClaim)), values(claim(claims, storesClaim)));
        return new Caller(name, permissions, scope);
    }

    /** A claim by dotted path, or null. */
    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(part);
        }
        return value;
    }

    /** A list claim's strings; a single string may list several, separated by spaces or commas (as OAuth's {@code scope}). */
    private static Set<String> values(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> list) {
            list.stream().filter(Objects::nonNull).map(Object::toString).map(String::trim).filter(v -> !v.isEmpty()).forEach(values::add);
        } else if (claim instanceof String text) {
            Arrays.stream(text.split("[\\s,]+")).filter(v -> !v.isEmpty()).forEach(values::add);
        }
        return values;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " cannot be blank");
        }
    }
}
