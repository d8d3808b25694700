package dev.idea.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Checkpoint;
import dev.idea.api.ErrorCode;
import dev.idea.core.checkpoint.CheckpointSigner;
import dev.idea.core.evidence.AuditJsonl;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.testkit.storage.InMemoryStorageProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any single tamper of an exported (JSON Lines) chain is detected at the right index, with the right kind. */
class AuditTamperTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final List<Checkpoint> CHECKPOINTS = new ArrayList<>();
    private static final List<String> CLEAN = export(12, "mf");
    private static final List<String> FOREIGN = export(12, "other");

    enum Tamper { FLIP_BYTE, DELETE, INSERT, DUPLICATE, SWAP, TRUNCATE }

    record Case(int index, Tamper tamper, int position, int mask) {
    }

    private static List<String> export(int n, String subject) {
        try (Storage s = new InMemoryStorageProvider().open(new StorageContext(Map.of(), null, Clock.fixed(T0, ZoneOffset.UTC)))) {
            AuditLog log = AuditLog.open(s, new AuditSettings("tamper.test/audit", 4, null, false),
                    new CheckpointSigner("tamper.test/audit", new SeededEd25519Key()), Clock.fixed(T0, ZoneOffset.UTC));
            for (int i = 0; i < n; i++) {
                log.append(List.of(new EventDraft(T0.plusSeconds(i), AuditEventType.values()[i % 4], "actor-" + i, subject + "-" + i,
                        null, null, Map.of("i", Integer.toString(i)))), c -> { });
            }
            if (subject.equals("mf")) {
                CHECKPOINTS.add(log.checkpoint());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Bytes entry : log.readRaw(0, n)) {
                AuditJsonl.writeLine(entry, out);
            }
            return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.integers().between(0, CLEAN.size() - 2), Arbitraries.of(Tamper.class),
                Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(1, 255)).as(Case::new);
    }

    @Property(tries = 400)
    void replay_anySingleTamper_detectedAtTheTamperedIndexWithItsKind(@ForAll("cases") Case c) {
        List<String> lines = new ArrayList<>(CLEAN);
        int i = c.index();
        byte[] bytes = null;
        Set<ErrorCode> kinds;
        int expected = i;
        switch (c.tamper()) {
            case FLIP_BYTE -> {
                String all = String.join("\n", lines.subList(0, i)) + (i == 0 ? "" : "\n");
                byte[] line = lines.get(i).getBytes(StandardCharsets.UTF_8);
                int at = c.position() % line.length;
                line[at] ^= (byte) c.mask();
                String rest = "\n" + String.join("\n", lines.subList(i + 1, lines.size())) + "\n";
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(all.getBytes(StandardCharsets.UTF_8));
                out.writeBytes(line);
                out.writeBytes(rest.getBytes(StandardCharsets.UTF_8));
                bytes = out.toByteArray();
                kinds = Set.of(ErrorCode.AUDIT_EVENT_MALFORMED, ErrorCode.AUDIT_HASH_MISMATCH);
            }
            case DELETE -> {
                lines.remove(i);
                kinds = Set.of(ErrorCode.AUDIT_GAP);
            }
            case INSERT -> {
                lines.add(i, FOREIGN.get((i + 5) % FOREIGN.size()));
                kinds = Set.of(ErrorCode.AUDIT_GAP, ErrorCode.AUDIT_REORDERED, ErrorCode.AUDIT_PREV_HASH_BROKEN);
            }
            case DUPLICATE -> {
                lines.add(i + 1, lines.get(i));
                expected = i + 1;
                kinds = Set.of(ErrorCode.AUDIT_DUPLICATE);
            }
            case SWAP -> {
                Collections.swap(lines, i, i + 1);
                kinds = Set.of(ErrorCode.AUDIT_REORDERED);
            }
            default -> {
                lines = lines.subList(0, i);
                kinds = Set.of(ErrorCode.AUDIT_TRUNCATED);
            }
        }
        byte[] input = bytes != null ? bytes : (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8);
        AuditChainException e = org.junit.jupiter.api.Assertions.assertThrows(AuditChainException.class,
                () -> AuditJsonl.verify(new ByteArrayInputStream(input), CHECKPOINTS));
        Matcher m = Pattern.compile("entry (\\d+):").matcher(e.getMessage());
        assertThat(m.find()).as(e.getMessage()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as(c + ": " + e.getMessage()).isEqualTo(expected);
        assertThat(kinds).as(c + ": " + e.getMessage()).contains(e.errorCode());
    }

    @Property(tries = 50)
    void replay_consistentlyRewrittenHistory_isAForkAgainstTheCheckpoint(@ForAll("cases") Case c) {
        List<String> forged = export(12, "mf-forged");
        AuditChainException e = org.junit.jupiter.api.Assertions.assertThrows(AuditChainException.class,
                () -> AuditJsonl.verify(new ByteArrayInputStream((String.join("\n", forged) + "\n").getBytes(StandardCharsets.UTF_8)),
                        CHECKPOINTS));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.AUDIT_FORK);
        assertThat(e.getMessage()).contains("entry 11:");
    }
}
