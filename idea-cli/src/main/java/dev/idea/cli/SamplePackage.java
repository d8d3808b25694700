package dev.idea.cli;

import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the sample package shipped in {@code samples/packages} of the repository, looking upwards
 * from the working directory and from the location of the command's jar.
 */
final class SamplePackage {

    /** Path of the sample package inside the repository. */
    static final Path RELATIVE_PATH = Path.of("samples", "packages", "hello-service-1.0.0.tar.gz");

    /** Target the demo releases. */
    static final String TARGET = "hello-service";

    /** Version of the sample package. */
    static final String VERSION = "1.0.0";

    private SamplePackage() {
    }

    /**
     * Locates the sample package.
     *
     * @param workingDirectory the working directory
     * @return the package file
     * @throws CommandException naming the places searched when it is not found
     */
    static Path locate(Path workingDirectory) {
        List<Path> starts = new ArrayList<>();
        starts.add(workingDirectory.toAbsolutePath());
        codeLocation().ifPresent(starts::add);
        return locate(starts).orElseThrow(() -> new CommandException("cannot find the sample package " + RELATIVE_PATH
                + " in " + starts + " or their parents; run from the repository root or pass --package FILE"));
    }

    /**
     * Looks for {@link #RELATIVE_PATH} in each start directory and its parents.
     *
     * @param starts directories to start from, in order
     * @return the first regular file found
     */
    static Optional<Path> locate(List<Path> starts) {
        Set<Path> seen = new LinkedHashSet<>();
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(RELATIVE_PATH);
                if (seen.add(candidate) && Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The jar (or classes directory) this class was loaded from, if the JVM tells. */
    private static Optional<Path> codeLocation() {
        CodeSource source = SamplePackage.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }
}
