package dev.idea.core.validation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Writes ustar archives entry by entry, including hostile ones (raw name bytes, links, odd types). */
final class TarBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TarBuilder file(String name, byte[] content) {
        return entry(name.getBytes(StandardCharsets.UTF_8), '0', "", content);
    }

    TarBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TarBuilder rawName(byte[] name, String content) {
        return entry(name, '0', "", content.getBytes(StandardCharsets.UTF_8));
    }

    TarBuilder directory(String name) {
        return entry(name.getBytes(StandardCharsets.UTF_8), '5', "", new byte[0]);
    }

    TarBuilder symlink(String name, String target) {
        return entry(name.getBytes(StandardCharsets.UTF_8), '2', target, new byte[0]);
    }

    TarBuilder hardLink(String name, String target) {
        return entry(name.getBytes(StandardCharsets.UTF_8), '1', target, new byte[0]);
    }

    TarBuilder typed(String name, char type) {
        return entry(name.getBytes(StandardCharsets.UTF_8), type, "", new byte[0]);
    }

    TarBuilder pax(String records) {
        return entry("PaxHeader".getBytes(StandardCharsets.US_ASCII), 'x', "", records.getBytes(StandardCharsets.UTF_8));
    }

    /** Builds one pax record with its correct length prefix. */
    static String paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        int digits = String.valueOf(length).length();
        while (String.valueOf(length + digits).length() != digits) {
            digits++;
        }
        return (length + digits) + body;
    }

    byte[] tar() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(new byte[1024]);
        return copy.toByteArray();
    }

    byte[] tarGz() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(tar());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private TarBuilder entry(byte[] name, char type, String link, byte[] content) {
        byte[] h = new byte[512];
        System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", content.length));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 157, link);
        put(h, 257, "ustar");
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        out.writeBytes(h);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return this;
    }

    private static void put(byte[] h, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, offset, b.length);
    }
}
