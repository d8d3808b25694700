package dev.idea.core.validation;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;

/**
 * The pax extended-header records IDEA honours ({@code path}, {@code linkpath}, {@code size}) of the
 * next tar entry; other keys are ignored.
 *
 * @param path the entry path, or null
 * @param linkPath the link target, or null
 * @param size the content length, or -1
 */
record PaxRecords(String path, String linkPath, long size) {

    /**
     * Parses records of the form {@code "<length> <key>=<value>\n"} (POSIX.1-2008, pax).
     *
     * @param data the extended header content
     * @param policy decodes names strictly as UTF-8
     * @return the records
     * @throws EOFException when a record is malformed
     */
    static PaxRecords parse(byte[] data, EntryPolicy policy) throws EOFException {
        String path = null;
        String link = null;
        long size = -1;
        int pos = 0;
        while (pos < data.length) {
            int space = pos;
            long length = 0;
            while (space < data.length && data[space] >= '0' && data[space] <= '9' && length < data.length) {
                length = length * 10 + (data[space++] - '0');
            }
            if (space == pos || space >= data.length || data[space] != ' ' || length <= space - pos + 1
                    || pos + length > data.length || data[(int) (pos + length - 1)] != '\n') {
                throw new EOFException("malformed pax extended header record at byte " + pos);
            }
            int end = (int) (pos + length - 1);
            int eq = space + 1;
            while (eq < end && data[eq] != '=') {
                eq++;
            }
            if (eq == end) {
                throw new EOFException("pax extended header record without '=' at byte " + pos);
            }
            String key = new String(data, space + 1, eq - space - 1, StandardCharsets.US_ASCII);
            switch (key) {
                case "path" -> path = policy.decodeName(data, eq + 1, end - eq - 1);
                case "linkpath" -> link = policy.decodeName(data, eq + 1, end - eq - 1);
                case "size" -> size = parseSize(new String(data, eq + 1, end - eq - 1, StandardCharsets.US_ASCII), pos);
                default -> {
                    // other keys (mtime, uid, uname, ...) do not change what is unpacked
                }
            }
            pos = end + 1;
        }
        return new PaxRecords(path, link, size);
    }

    private static long parseSize(String value, int pos) throws EOFException {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new EOFException("pax size record is not a decimal number at byte " + pos);
        }
        return Long.parseLong(value);
    }
}
