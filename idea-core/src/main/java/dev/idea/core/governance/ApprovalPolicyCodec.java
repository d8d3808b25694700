package dev.idea.core.governance;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.Impact;
import dev.idea.api.governance.ApprovalGroup;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.GroupThreshold;
import dev.idea.api.governance.RoleQuorum;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import dev.idea.core.internal.yaml.Yaml;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the {@code rbac} section of a policy file ({@code orchestrator.policy.yaml} style, YAML or
 * JSON) into an {@link ApprovalPolicy}, and writes a policy back as canonical JSON.
 *
 * <p>Format in {@code docs/governance.md}. Other top-level sections and other members of
 * {@code rbac} and of each role belong to other readers (the guard) and are ignored here; inside
 * {@code required_approvals} and its groups every member is checked. Stateless and thread-safe.
 */
public final class ApprovalPolicyCodec {
    private static final Set<String> QUORUM = Set.of("at_least", "roles");

    private ApprovalPolicyCodec() {
    }

    /**
     * Reads a policy file, as YAML when the name ends in {@code .yaml} or {@code .yml}, otherwise as JSON.
     *
     * @param content the file content
     * @param fileName the file name, for the format and for messages
     * @return the policy
     * @throws FormatException for bad syntax or schema
     * @throws ConfigurationException with {@code APPROVAL_POLICY_INVALID} for an inconsistent policy
     */
    public static ApprovalPolicy read(Bytes content, String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") ? readYaml(content, fileName) : readJson(content);
    }

    /**
     * Reads the JSON form.
     *
     * @param json the document
     * @return the policy
     */
    public static ApprovalPolicy readJson(Bytes json) {
        return fromTree(Json.parseObject(json.toByteArray(), GovernanceJson.LIMITS));
    }

    /**
     * Reads the YAML form (YAML 1.2, no aliases, no duplicate keys).
     *
     * @param yaml the document
     * @param source the file name, for messages
     * @return the policy
     */
    public static ApprovalPolicy readYaml(Bytes yaml, String source) {
        JsonValue tree = Yaml.parse(yaml.toByteArray(), source, ErrorCode.APPROVAL_POLICY_INVALID);
        return fromTree(GovernanceJson.object(tree, source + " top level"));
    }

    private static ApprovalPolicy fromTree(JsonObject top) {
        JsonObject rbac = top.requireObject("rbac");
        Map<String, Set<Impact>> roles = new TreeMap<>();
        for (Map.Entry<String, JsonValue> e : rbac.requireObject("roles").members().entrySet()) {
            JsonObject role = GovernanceJson.object(e.getValue(), "rbac.roles." + e.getKey());
            Set<Impact> impacts = EnumSet.noneOf(Impact.class);
            if (role.get("may_approve").isPresent()) {
                for (String name : GovernanceJson.strings(role.requireArray("may_approve"), "rbac.roles." + e.getKey() + ".may_approve")) {
                    impacts.add(impact(name, "rbac.roles." + e.getKey() + ".may_approve"));
                }
            }
            roles.put(e.getKey(), impacts);
        }
        Map<Impact, ApprovalGroup> required = new EnumMap<>(Impact.class);
        for (Map.Entry<String, JsonValue> e : rbac.requireObject("required_approvals").members().entrySet()) {
            Impact impact = impact(e.getKey(), "rbac.required_approvals");
            if (required.put(impact, group(e.getValue(), "rbac.required_approvals." + e.getKey())) != null) {
                throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, "rbac.required_approvals names "
                        + impact + " twice (in different letter cases); keep one");
            }
        }
        return new ApprovalPolicy(required, roles);
    }

    private static Impact impact(String name, String where) {
        for (Impact i : Impact.values()) {
            if (i.name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, where + " names impact \"" + name
                + "\"; use one of LOW, MEDIUM, HIGH, CRITICAL");
    }

    private static ApprovalGroup group(JsonValue value, String where) {
        if (value instanceof JsonString s) {
            if (s.value().equals("none")) {
                return ApprovalGroup.NONE;
            }
            throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, where + " is \"" + s.value()
                    + "\"; write \"none\" or a group such as {at_least: 3, roles: [approver]}");
        }
        JsonObject o = GovernanceJson.object(value, where);
        if (o.get("at_least").isPresent()) {
            GovernanceJson.onlyMembers(o, where, QUORUM);
            return new RoleQuorum(intValue(o.requireLong("at_least"), where + ".at_least"),
                    Set.copyOf(uniqueRoles(GovernanceJson.strings(o.requireArray("roles"), where + ".roles"), where)));
        }
        if (o.size() == 1 && o.get("all_of").isPresent()) {
            return ApprovalGroup.allOf(groups(o.requireArray("all_of"), where + ".all_of"));
        }
        if (o.size() == 1 && o.get("any_of").isPresent()) {
            return ApprovalGroup.anyOf(groups(o.requireArray("any_of"), where + ".any_of"));
        }
        if (o.size() == 2 && o.get("k_of").isPresent() && o.get("groups").isPresent()) {
            return ApprovalGroup.kOf(intValue(o.requireLong("k_of"), where + ".k_of"), groups(o.requireArray("groups"), where + ".groups"));
        }
        throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, where + " has members "
                + o.members().keySet() + "; a group is {at_least, roles}, {all_of: [...]}, {any_of: [...]} or {k_of, groups: [...]}");
    }

    private static List<ApprovalGroup> groups(JsonArray array, String where) {
        if (array.values().isEmpty()) {
            throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, where + " is empty; list at least one group");
        }
        List<ApprovalGroup> out = new ArrayList<>();
        for (int i = 0; i < array.values().size(); i++) {
            out.add(group(array.values().get(i), where + "[" + i + "]"));
        }
        return out;
    }

    private static List<String> uniqueRoles(List<String> roles, String where) {
        if (Set.copyOf(roles).size() != roles.size()) {
            throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, where + " lists a role twice in " + roles);
        }
        return roles;
    }

    private static int intValue(long value, String where) {
        if (value < 0 || value > 1000) {
            throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, where + " is " + value
                    + "; use a count from 1 to 1000");
        }
        return (int) value;
    }

    /**
     * Writes a policy as canonical JSON in the file form (tiers that need nothing as {@code "none"}).
     *
     * @param policy the policy
     * @return the bytes
     */
    public static Bytes write(ApprovalPolicy policy) {
        JsonObject.Builder roles = JsonObject.builder();
        policy.roles().forEach((role, impacts) -> {
            List<JsonValue> names = new ArrayList<>();
            impacts.forEach(i -> names.add(new JsonString(i.name())));
            roles.put(role, JsonObject.builder().put("may_approve", new JsonArray(names)).build());
        });
        JsonObject.Builder required = JsonObject.builder();
        policy.required().forEach((impact, group) -> required.put(impact.name(), toJson(group)));
        return Bytes.of(Json.write(JsonObject.builder().put("rbac", JsonObject.builder()
                .put("roles", roles.build()).put("required_approvals", required.build()).build()).build()));
    }

    private static JsonValue toJson(ApprovalGroup group) {
        if (group instanceof RoleQuorum q) {
            List<JsonValue> names = new ArrayList<>();
            q.roles().forEach(r -> names.add(new JsonString(r)));
            return JsonObject.builder().put("at_least", q.atLeast()).put("roles", new JsonArray(names)).build();
        }
        GroupThreshold t = (GroupThreshold) group;
        if (t.groups().isEmpty()) {
            return new JsonString("none");
        }
        List<JsonValue> children = new ArrayList<>();
        t.groups().forEach(g -> children.add(toJson(g)));
        return JsonObject.builder().put("k_of", t.k()).put("groups", new JsonArray(children)).build();
    }
}
