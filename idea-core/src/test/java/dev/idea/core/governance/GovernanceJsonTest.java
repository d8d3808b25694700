package dev.idea.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class GovernanceJsonTest {

    @Property(tries = 2000)
    void instant_wholeSeconds_equalsInstantParse(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long second) {
        String text = Instant.ofEpochSecond(second).toString();
        assertEquals(Instant.parse(text), GovernanceJson.instant(text, "t"));
    }

    @Test
    void wholeSecondsUtc_otherShapesOrImpossibleDates_leaveItToInstantParse() {
        assertNull(GovernanceJson.wholeSecondsUtc("2026-03-01T12:00:00.5Z"));
        assertNull(GovernanceJson.wholeSecondsUtc("2026-02-29T12:00:00Z"));
        assertNull(GovernanceJson.wholeSecondsUtc("2026-03-01T24:00:00Z"));
        assertNull(GovernanceJson.wholeSecondsUtc("2026-03-01 12:00:00Z"));
        assertEquals(Instant.parse("2026-03-01T12:00:00.5Z"), GovernanceJson.instant("2026-03-01T12:00:00.5Z", "t"));
        var e = assertThrows(FormatException.class, () -> GovernanceJson.instant("2026-02-29T12:00:00Z", "issued_at"));
        assertEquals(ErrorCode.JSON_SCHEMA_VIOLATION, e.errorCode());
    }
}
