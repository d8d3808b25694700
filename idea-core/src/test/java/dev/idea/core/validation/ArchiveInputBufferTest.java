package dev.idea.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArchiveInputBufferTest {
    private static final int BUFFER = 64 * 1024;

    private static byte[] data(int size) {
        byte[] b = new byte[size];
        new SplittableRandom(7).nextBytes(b);
        return b;
    }

    @Test
    void read_afterHeaderFromBuffer_returnsTheBufferedRestThenReadsDirect() throws IOException {
        byte[] data = data(5 * BUFFER);
        try (ArchiveInputBuffer in = new ArchiveInputBuffer(new ByteArrayInputStream(data), BUFFER)) {
            in.mark(512);
            assertThat(in.readNBytes(512)).hasSize(512);
            in.reset();
            byte[] header = in.readNBytes(512);
            byte[] chunk = new byte[BUFFER];
            assertThat(in.read(chunk, 0, BUFFER)).as("the buffered rest only, no top-up").isEqualTo(BUFFER - 512);
            assertThat(in.read(chunk, 0, BUFFER)).isEqualTo(BUFFER);
            assertThat(header).isEqualTo(java.util.Arrays.copyOf(data, 512));
            assertThat(chunk).isEqualTo(java.util.Arrays.copyOfRange(data, BUFFER, 2 * BUFFER));
        }
    }

    @Test
    void read_mixedSizes_returnsEveryByteInOrder() throws IOException {
        byte[] data = data(3 * BUFFER + 777);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArchiveInputBuffer in = new ArchiveInputBuffer(new ByteArrayInputStream(data), BUFFER)) {
            int[] sizes = {512, BUFFER, 100, BUFFER, 1, 2 * BUFFER, 512};
            byte[] chunk = new byte[2 * BUFFER];
            for (int i = 0; ; i++) {
                int n = in.read(chunk, 0, sizes[i % sizes.length]);
                if (n < 0) {
                    break;
                }
                out.write(chunk, 0, n);
            }
            assertThat(in.read(chunk, 0, 0)).isZero();
        }
        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @Test
    void read_afterClose_throws() throws IOException {
        ArchiveInputBuffer in = new ArchiveInputBuffer(new ByteArrayInputStream(data(10)), BUFFER);
        in.close();
        assertThatThrownBy(() -> in.read(new byte[4], 0, 4)).isInstanceOf(IOException.class);
    }
}
