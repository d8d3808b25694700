package dev.idea.core.rules;

import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks secret- and PII-looking data in a context before it is logged.
 *
 * <p>Rules (also in {@code docs/rules.md}): a member whose name, lowercased and stripped of
 * {@code _}, {@code -} and {@code .}, contains one of {@link #SENSITIVE_NAME_PARTS} has its whole
 * value replaced by {@value #MASK}; a string anywhere whose content looks like an e-mail address, a
 * JSON Web Token, a PEM block, a bearer or basic credential, an IBAN, a payment card number or a
 * long hex / base64 token (32 characters or more) is replaced by {@value #MASK}. Names of members are
 * kept; numbers, booleans and null under other names are kept. Redaction errs towards masking.
 *
 * <p>Stateless and thread-safe.
 */
final class ContextRedactor {
    /** What a masked value becomes. */
    static final String MASK = "[redacted]";

    /** Parts of member names that mark the value as secret or personal. */
    static final List<String> SENSITIVE_NAME_PARTS = List.of(
            "password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "credential",
            "authorization", "cookie", "session", "ssn", "socialsecurity", "taxid", "iban", "accountnumber",
            "cardnumber", "creditcard", "cvv", "email", "phone", "mobile", "birth", "dob", "firstname",
            "lastname", "surname", "fullname", "givenname", "address", "passport", "nationalid", "ip");

    private static final List<Pattern> SENSITIVE_VALUES = List.of(
            Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}"),
            Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
            Pattern.compile("(?s).*-----BEGIN [A-Z ]+-----.*"),
            Pattern.compile("(?i)(bearer|basic)\\s+\\S{8,}"),
            Pattern.compile("[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?"),
            Pattern.compile("[0-9](?:[ -]?[0-9]){12,18}"),
            Pattern.compile("[A-Fa-f0-9]{32,}"),
            Pattern.compile("[A-Za-z0-9+/_-]{32,}={0,2}"));

    private ContextRedactor() {
    }

    /**
     * Returns a copy of a value with sensitive members and strings masked.
     *
     * @param value the context or part of it
     * @return the redacted copy
     */
    static JsonValue redact(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObject.Builder builder = JsonObject.builder();
            for (Map.Entry<String, JsonValue> e : object.members().entrySet()) {
                builder.put(e.getKey(), sensitiveName(e.getKey()) ? new JsonString(MASK) : redact(e.getValue()));
            }
            return builder.build();
        }
        if (value instanceof JsonArray array) {
            List<JsonValue> values = new ArrayList<>(array.values().size());
            array.values().forEach(v -> values.add(redact(v)));
            return new JsonArray(values);
        }
        if (value instanceof JsonString s && sensitiveValue(s.value())) {
            return new JsonString(MASK);
        }
        return value;
    }

    static boolean sensitiveName(String name) {
        String normal = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
        for (String part : SENSITIVE_NAME_PARTS) {
            if (part.equals("ip") ? normal.equals("ip") || normal.endsWith("ipaddress") : normal.contains(part)) {
                return true;
            }
        }
        return false;
    }

    static boolean sensitiveValue(String text) {
        String trimmed = text.strip();
        for (Pattern p : SENSITIVE_VALUES) {
            if (p.matcher(trimmed).matches()) {
                return true;
            }
        }
        return false;
    }
}
