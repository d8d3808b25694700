package dev.idea.core.validation.builtin;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}) parsed as the purl
 * specification's "how to parse" section describes.
 *
 * <p>The type and qualifier keys are lower-cased; namespace segments, name, version, qualifier values
 * and subpath segments are percent-decoded (as UTF-8). The type-specific normalizations of the
 * registered types {@code github} and {@code bitbucket} (lower-case namespace and name) and
 * {@code pypi} (lower-case name, {@code _} becomes {@code -}) are applied; other type-specific rules
 * (required namespaces, versions) are not checked.
 *
 * @param type the package type, e.g. {@code maven}
 * @param namespace the namespace, {@code ""} when absent
 * @param name the name
 * @param version the version, {@code ""} when absent
 * @param qualifiers the qualifiers, sorted by key
 * @param subpath the subpath, {@code ""} when absent
 */
record PackageUrl(String type, String namespace, String name, String version, SortedMap<String, String> qualifiers,
        String subpath) {
    private static final Pattern TYPE = Pattern.compile("[a-z.+-][a-z0-9.+-]*");
    private static final Pattern KEY = Pattern.compile("[a-z.\\-_][a-z0-9.\\-_]*");
    /** Longest purl accepted. */
    static final int MAX_LENGTH = 4096;

    PackageUrl {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        qualifiers = Collections.unmodifiableSortedMap(new TreeMap<>(qualifiers));
        Objects.requireNonNull(subpath, "subpath");
    }

    /**
     * Parses a package URL.
     *
     * @param text e.g. {@code pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1}
     * @return the parsed package URL
     * @throws FormatException with {@link ErrorCode#PACKAGE_URL_INVALID} naming what is wrong
     */
    static PackageUrl parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw invalid(text, "is longer than " + MAX_LENGTH + " characters");
        }
        String rest = text;
        String subpath = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            subpath = segments(rest.substring(hash + 1), true, text);
            rest = rest.substring(0, hash);
        }
        SortedMap<String, String> qualifiers = new TreeMap<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            qualifiers(rest.substring(question + 1), qualifiers, text);
            rest = rest.substring(0, question);
        }
        int colon = rest.indexOf(':');
        if (colon < 0 || !rest.substring(0, colon).equalsIgnoreCase("pkg")) {
            throw invalid(text, "does not start with the scheme pkg:");
        }
        rest = strip(rest.substring(colon + 1));
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw invalid(text, "has no type/name after pkg:");
        }
        String type = rest.substring(0, slash).toLowerCase(Locale.ROOT);
        if (!TYPE.matcher(type).matches()) {
            throw invalid(text, "has type \"" + Redaction.abbreviate(type) + "\"; a type holds letters, digits, . + - and does not start with a digit");
        }
        rest = strip(rest.substring(slash + 1));
        String version = "";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            version = decode(rest.substring(at + 1), text);
            rest = rest.substring(0, at);
        }
        int last = rest.lastIndexOf('/');
        String name = decode(rest.substring(last + 1), text);
        if (name.isEmpty()) {
            throw invalid(text, "has no name");
        }
        String namespace = last < 0 ? "" : segments(rest.substring(0, last), false, text);
        switch (type) {
            case "github", "bitbucket" -> {
                namespace = namespace.toLowerCase(Locale.ROOT);
                name = name.toLowerCase(Locale.ROOT);
            }
            case "pypi" -> name = name.toLowerCase(Locale.ROOT).replace('_', '-');
            default -> {
                // no type-specific normalization
            }
        }
        return new PackageUrl(type, namespace, name, version, qualifiers, subpath);
    }

    /** Returns whether both name the same package: type, namespace and name, whatever the version. */
    boolean samePackage(PackageUrl other) {
        return type.equals(other.type) && namespace.equals(other.namespace) && name.equals(other.name);
    }

    /** Returns {@code type/namespace/name} without version, qualifiers or subpath, for messages. */
    String coordinates() {
        return "pkg:" + type + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String segments(String raw, boolean subpath, String text) {
        List<String> out = new ArrayList<>();
        for (String segment : raw.split("/", -1)) {
            if (segment.isEmpty() || subpath && (segment.equals(".") || segment.equals(".."))) {
                continue;
            }
            out.add(decode(segment, text));
        }
        return String.join("/", out);
    }

    private static void qualifiers(String raw, SortedMap<String, String> out, String text) {
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                if (pair.isEmpty()) {
                    continue;
                }
                throw invalid(text, "has qualifier \"" + Redaction.abbreviate(pair) + "\" without key=value");
            }
            String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
            if (!KEY.matcher(key).matches()) {
                throw invalid(text, "has qualifier key \"" + Redaction.abbreviate(key) + "\"; keys hold letters, digits, . - _");
            }
            String value = decode(pair.substring(eq + 1), text);
            if (value.isEmpty()) {
                continue;
            }
            if (out.put(key, value) != null) {
                throw invalid(text, "repeats qualifier " + key);
            }
        }
    }

    private static String decode(String s, String text) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw invalid(text, "has a % not followed by two hex digits");
                }
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalid(text, "percent-decodes to invalid UTF-8");
        }
    }

    private static FormatException invalid(String text, String problem) {
        return new FormatException(ErrorCode.PACKAGE_URL_INVALID, "package URL \"" + Redaction.abbreviate(text) + "\" " + problem
                + "; write it as pkg:type/namespace/name@version");
    }
}
