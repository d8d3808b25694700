package dev.idea.core.validation.builtin;

import java.util.regex.Pattern;

/**
 * A path glob over package paths ({@code /}-separated), independent of the platform's file system.
 *
 * <p>{@code **} matches any sequence including {@code /} ({@code **}{@code /} also matches no directory),
 * {@code *} any sequence without {@code /}, {@code ?} one character other than {@code /}; every other
 * character matches itself. A glob without {@code /} matches the file name at any depth
 * ({@code *.pem}), one with {@code /} matches the whole path ({@code test/**}). Immutable.
 */
final class Glob {
    private final String text;
    private final Pattern pattern;
    private final boolean nameOnly;

    private Glob(String text, Pattern pattern, boolean nameOnly) {
        this.text = text;
        this.pattern = pattern;
        this.nameOnly = nameOnly;
    }

    static Glob compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                if (i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
                    regex.append("(?:.*/)?");
                    i += 3;
                } else {
                    regex.append(".*");
                    i += 2;
                }
                continue;
            }
            if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return new Glob(glob, Pattern.compile(regex.toString()), glob.indexOf('/') < 0);
    }

    boolean matches(String path) {
        String subject = nameOnly ? path.substring(path.lastIndexOf('/') + 1) : path;
        return pattern.matcher(subject).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
