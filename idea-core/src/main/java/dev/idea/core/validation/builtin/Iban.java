package dev.idea.core.validation.builtin;

import java.util.Map;
import java.util.TreeMap;

/**
 * International Bank Account Numbers (ISO 13616): country lengths and the mod-97 check.
 *
 * <p>Lengths are those of the SWIFT IBAN registry for the countries listed; an IBAN of another
 * country is not recognised.
 */
final class Iban {
    private static final Map<String, Integer> LENGTHS = new TreeMap<>();

    static {
        String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28"
                + " EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27"
                + " JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18"
                + " NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28"
                + " TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
        for (String item : table.split(" ")) {
            LENGTHS.put(item.substring(0, 2), Integer.parseInt(item.substring(2)));
        }
    }

    private Iban() {
    }

    /** Returns the IBAN length of a country, or 0 when the country is not in the table. */
    static int length(String country) {
        return LENGTHS.getOrDefault(country, 0);
    }

    /**
     * Returns whether an IBAN in electronic form (no spaces, upper case) has its country's length and
     * passes the ISO 7064 mod 97-10 check: the first four characters moved to the end, letters replaced
     * by 10..35, the number modulo 97 equals 1.
     */
    static boolean valid(String iban) {
        if (iban.length() < 5 || length(iban.substring(0, 2)) != iban.length()) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int mod = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                mod = (mod * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                mod = (mod * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return mod == 1;
    }
}
