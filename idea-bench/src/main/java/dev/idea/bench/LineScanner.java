package dev.idea.bench;

import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in content validator for {@link ValidationBenchmark}: reads every file byte by byte,
 * counting lines and flagging lines that contain {@code BEGIN PRIVATE KEY}, as a secrets scanner's
 * first pass would. Stateless and thread-safe.
 */
public final class LineScanner implements PackageValidator {
    /** This validator's id. */
    public static final String ID = "bench-line-scanner";

    private static final byte[] NEEDLE = "BEGIN PRIVATE KEY".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Creates the validator. */
    public LineScanner() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public ValidatorOutcome validate(PackageView pkg, ValidatorSettings settings) {
        List<Finding> findings = new ArrayList<>();
        byte[] buffer = new byte[64 * 1024];
        for (PackageEntry e : pkg.entries()) {
            if (e.type() != PackageEntry.Type.FILE) {
                continue;
            }
            long line = 1;
            int matched = 0;
            try (InputStream in = pkg.open(e)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (b == '\n') {
                            line++;
                            matched = 0;
                        } else if (b == NEEDLE[matched]) {
                            if (++matched == NEEDLE.length) {
                                findings.add(new Finding(Finding.Severity.ERROR, "bench.private-key", "private key block",
                                        e.path(), line, -1));
                                matched = 0;
                            }
                        } else {
                            matched = b == NEEDLE[0] ? 1 : 0;
                        }
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return new ValidatorOutcome(findings, List.of());
    }
}
