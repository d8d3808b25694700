package dev.idea.core.internal.crypto;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.util.Base64;

/** Static helpers for RFC 7468 PEM text (one block, standard base64, 64-character lines). */
final class PemSupport {
    private static final int LINE_LENGTH = 64;

    private PemSupport() {
    }

    static Bytes decode(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        String text = pem.strip();
        if (!text.startsWith(begin) || !text.endsWith(end) || text.length() < begin.length() + end.length()) {
            throw new FormatException(ErrorCode.ENCODING_INVALID, "PEM text \"" + abbreviate(text)
                    + "\" is not one block between \"" + begin + "\" and \"" + end + "\"");
        }
        String body = text.substring(begin.length(), text.length() - end.length());
        StringBuilder base64 = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                base64.append(c);
            }
        }
        try {
            byte[] der = Base64.getDecoder().decode(base64.toString());
            if (der.length == 0) {
                throw new FormatException(ErrorCode.ENCODING_INVALID, "PEM block " + label + " is empty");
            }
            return Bytes.of(der);
        } catch (IllegalArgumentException e) {
            throw new FormatException(ErrorCode.ENCODING_INVALID, "PEM block " + label
                    + " does not hold standard base64 (" + e.getMessage() + ")", e);
        }
    }

    static String encode(Bytes der, String label) {
        String base64 = der.base64();
        StringBuilder out = new StringBuilder(base64.length() + base64.length() / LINE_LENGTH + 64);
        out.append("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < base64.length(); i += LINE_LENGTH) {
            out.append(base64, i, Math.min(base64.length(), i + LINE_LENGTH)).append('\n');
        }
        return out.append("-----END ").append(label).append("-----\n").toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }
}
