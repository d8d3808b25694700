package dev.idea.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.testkit.storage.InMemoryStorageProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AuditLogTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static Storage storage() {
        return new InMemoryStorageProvider().open(new StorageContext(Map.of(), null, Clock.fixed(T0, ZoneOffset.UTC)));
    }

    private static List<EventDraft> drafts(int n) {
        List<EventDraft> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drafts.add(new EventDraft(T0.plusSeconds(i), AuditEventType.values()[i % 4], "actor-" + i, "mf-" + (i / 4),
                    null, null, Map.of("i", Integer.toString(i))));
        }
        return drafts;
    }

    @Test
    void append_batches_formOneVerifiableChain() {
        try (Storage s = storage()) {
            AuditLog log = new AuditLog(s.log("audit"));
            List<AuditEvent> first = log.append(drafts(3), c -> { });
            List<AuditEvent> second = log.append(drafts(2), c -> { });
            assertThat(first.get(0).prevHash()).isEqualTo(AuditEvent.GENESIS_PREV_HASH);
            assertThat(second.get(0).seq()).isEqualTo(3);
            assertThat(second.get(0).prevHash()).isEqualTo(first.get(2).hash());
            assertThat(log.verify().eventCount()).isEqualTo(5);
            assertThat(log.read(0, 10)).containsExactlyElementsOf(concat(first, second));
        }
    }

    @Test
    void append_losingARace_retriesOnTheNewHeadAndReportsTheWinnersEvents() {
        try (Storage s = storage()) {
            AppendLog shared = s.log("audit");
            AuditLog theirs = new AuditLog(shared);
            List<AuditEvent> winners = new ArrayList<>();
            AppendLog racing = new AppendLog() {
                private boolean raced;

                @Override
                public long size() {
                    return shared.size();
                }

                @Override
                public long append(long expectedSize, List<Bytes> entries) {
                    if (!raced) {
                        raced = true;
                        winners.addAll(theirs.append(drafts(2), c -> { }));
                    }
                    return shared.append(expectedSize, entries);
                }

                @Override
                public List<Bytes> read(long fromIndex, int maxCount) {
                    return shared.read(fromIndex, maxCount);
                }
            };
            AuditLog mine = new AuditLog(racing);
            List<List<AuditEvent>> seen = new ArrayList<>();
            List<AuditEvent> ours = mine.append(drafts(1), seen::add);

            assertThat(seen).containsExactly(winners);
            assertThat(ours.get(0).seq()).isEqualTo(2);
            assertThat(ours.get(0).prevHash()).isEqualTo(winners.get(1).hash());
            assertThat(mine.verify().eventCount()).isEqualTo(3);
        }
    }

    @Test
    void append_whenTheCallerRefusesTheWinnersEvents_appendsNothing() {
        try (Storage s = storage()) {
            AppendLog shared = s.log("audit");
            AuditLog theirs = new AuditLog(shared);
            AuditLog mine = new AuditLog(new AppendLog() {
                @Override
                public long size() {
                    return shared.size();
                }

                @Override
                public long append(long expectedSize, List<Bytes> entries) {
                    if (shared.size() == 0) {
                        theirs.append(drafts(1), c -> { });
                    }
                    return shared.append(expectedSize, entries);
                }

                @Override
                public List<Bytes> read(long fromIndex, int maxCount) {
                    return shared.read(fromIndex, maxCount);
                }
            });
            assertThatThrownBy(() -> mine.append(drafts(3), c -> {
                throw new IllegalStateException("refused");
            })).hasMessage("refused");
            assertThat(shared.size()).isEqualTo(1);
        }
    }

    @Test
    void verify_emptyLog_hasGenesisHead() {
        try (Storage s = storage()) {
            assertThat(new AuditLog(s.log("audit")).verify().headHash()).isEqualTo(AuditEvent.GENESIS_PREV_HASH);
        }
    }

    @Test
    void verify_garbageEntry_isReportedAsMalformedAtItsIndex() {
        try (Storage s = storage()) {
            AuditLog log = new AuditLog(s.log("audit"));
            log.append(drafts(2), c -> { });
            s.log("audit").append(2, List.of(Bytes.utf8("{\"not\":\"an event\"}")));
            assertThatThrownBy(log::verify).isInstanceOf(AuditChainException.class).hasMessageStartingWith(
                    ErrorCode.AUDIT_EVENT_MALFORMED.code()).hasMessageContaining("entry 2:");
        }
    }

    enum Tamper { FLIP_BYTE, DELETE, DUPLICATE, SWAP }

    @Property(tries = 300)
    void verify_anySingleTamper_isDetectedAtTheTamperedIndex(@ForAll("cases") TamperCase c) {
        try (Storage s = storage()) {
            new AuditLog(s.log("audit")).append(drafts(c.length()), x -> { });
            List<Bytes> entries = new ArrayList<>(s.log("audit").read(0, c.length()));
            int expectedIndex = tamper(entries, c);
            s.log("tampered").append(0, entries);

            IdeaException e = org.junit.jupiter.api.Assertions.assertThrows(AuditChainException.class,
                    () -> new AuditLog(s.log("tampered")).verify());
            Matcher m = Pattern.compile("entry (\\d+):").matcher(e.getMessage());
            assertThat(m.find()).as(e.getMessage()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as(e.getMessage()).isEqualTo(expectedIndex);
        }
    }

    record TamperCase(int length, int index, Tamper tamper, int position, int mask) {
    }

    @Provide
    Arbitrary<TamperCase> cases() {
        return Arbitraries.integers().between(2, 12).flatMap(n -> Combinators.combine(
                Arbitraries.just(n), Arbitraries.integers().between(0, n - 2), Arbitraries.of(Tamper.class),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(1, 255)).as(TamperCase::new));
    }

    private static int tamper(List<Bytes> entries, TamperCase c) {
        int i = c.index();
        switch (c.tamper()) {
            case FLIP_BYTE -> {
                byte[] b = entries.get(i).toByteArray();
                b[c.position() % b.length] ^= (byte) c.mask();
                entries.set(i, Bytes.of(b));
                return i;
            }
            case DELETE -> {
                entries.remove(i);
                return i;
            }
            case DUPLICATE -> {
                entries.add(i + 1, entries.get(i));
                return i + 1;
            }
            default -> {
                Collections.swap(entries, i, i + 1);
                return i;
            }
        }
    }

    private static List<AuditEvent> concat(List<AuditEvent> a, List<AuditEvent> b) {
        List<AuditEvent> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
