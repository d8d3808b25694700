package dev.idea.core.internal.json;

/**
 * A streaming RFC 8785 writer for documents whose shape the caller knows: member names, strings and
 * numbers are written exactly as {@link Json#write} writes them, without building a
 * {@link JsonValue} tree.
 *
 * <p>The caller is responsible for structure and order: it writes the braces, the commas and the
 * members in UTF-16 code unit order of their names ({@link String#compareTo}), as RFC 8785
 * section 3.2.3 requires; this class escapes strings (section 3.2.2.2) and formats numbers
 * (section 3.2.2.3). Strings with an unpaired surrogate fail with {@code JSON_LONE_SURROGATE}, as in
 * {@link Json#write}.
 *
 * <p>One instance writes one document and is not thread-safe; it uses the calling thread's scratch
 * buffer, so finish one document before opening the next on the same thread.
 */
public final class CanonicalWriter {
    private final JsonWriter out;

    private CanonicalWriter(JsonWriter out) {
        this.out = out;
    }

    /**
     * Starts a document.
     *
     * @param sizeHint expected size in bytes
     * @return the writer
     */
    public static CanonicalWriter open(int sizeHint) {
        return new CanonicalWriter(JsonWriter.open(sizeHint));
    }

    /**
     * Writes one structural character: one of <code>{ } [ ] ,</code>.
     *
     * @param c the character
     * @return this writer
     * @throws IllegalArgumentException for any other character
     */
    public CanonicalWriter punct(char c) {
        if (c != '{' && c != '}' && c != '[' && c != ']' && c != ',') {
            throw new IllegalArgumentException("'" + c + "' is not a JSON structural character; use one of { } [ ] ,");
        }
        out.raw(c);
        return this;
    }

    /**
     * Writes a member name and its colon: {@code "name":}.
     *
     * @param name the name
     * @return this writer
     */
    public CanonicalWriter name(String name) {
        out.memberName(name);
        return this;
    }

    /**
     * Writes a string value.
     *
     * @param value the string
     * @return this writer
     */
    public CanonicalWriter string(String value) {
        out.string(value);
        return this;
    }

    /**
     * Writes a number as ECMAScript formats it, exactly as a {@link JsonNumber} of the same value.
     *
     * @param value the number; finite
     * @return this writer
     */
    public CanonicalWriter number(double value) {
        out.number(value);
        return this;
    }

    /**
     * Returns the number of bytes written so far.
     *
     * @return the position
     */
    public int position() {
        return out.position();
    }

    /**
     * Ends the document.
     *
     * @return a copy of the bytes written
     */
    public byte[] finish() {
        return out.finish();
    }
}
