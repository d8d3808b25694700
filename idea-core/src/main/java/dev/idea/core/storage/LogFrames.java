package dev.idea.core.storage;

import dev.idea.api.Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk frame format of append logs, and a reader that checks frames.
 *
 * <p>A frame is {@code magic:int32, bodyLength:int32, crc32c(body):int32, body}, where the body is
 * {@code entryCount:int32} followed by {@code length:int32, bytes} per entry; integers are big-endian.
 * One frame holds one batch, so a batch is present entirely or not at all.
 */
final class LogFrames {
    static final int MAGIC = 0x49444C46; // "IDLF"
    static final int HEADER_BYTES = 12;
    /** Largest frame body: a batch's entries plus 4 bytes per entry and 4 for the count. */
    static final int MAX_BODY_BYTES = 1 << 30;

    private LogFrames() {
    }

    /** What {@link #check} found at one offset. */
    enum Status {
        /** A complete frame whose checksum and structure are right. */
        VALID,
        /** The file ends before the frame does. */
        INCOMPLETE,
        /** The bytes are not a frame: wrong magic, impossible length, or bad checksum or structure. */
        INVALID
    }

    /** The outcome of checking one frame; for a valid frame, where its entries are. */
    static final class Frame {
        final Status status;
        final String problem;
        final long offset;
        final long end;
        final long[] entryOffsets;
        final int[] entryLengths;

        private Frame(Status status, String problem, long offset, long end, long[] entryOffsets, int[] entryLengths) {
            this.status = status;
            this.problem = problem;
            this.offset = offset;
            this.end = end;
            this.entryOffsets = entryOffsets;
            this.entryLengths = entryLengths;
        }

        static Frame valid(long offset, long end, long[] entryOffsets, int[] entryLengths) {
            return new Frame(Status.VALID, null, offset, end, entryOffsets, entryLengths);
        }

        static Frame bad(Status status, long offset, String problem) {
            return new Frame(status, problem, offset, -1, null, null);
        }
    }

    /** Encodes a batch as the buffers of one frame (entry bytes are not copied). */
    static ByteBuffer[] encode(List<Bytes> entries, int bodyLength) {
        ByteBuffer[] buffers = new ByteBuffer[1 + 2 * entries.size()];
        CRC32C crc = new CRC32C();
        ByteBuffer count = ByteBuffer.allocate(4).putInt(0, entries.size());
        crc.update(count.duplicate());
        for (int i = 0; i < entries.size(); i++) {
            ByteBuffer length = ByteBuffer.allocate(4).putInt(0, entries.get(i).size());
            ByteBuffer data = entries.get(i).asReadOnlyBuffer();
            crc.update(length.duplicate());
            crc.update(data.duplicate());
            buffers[1 + 2 * i] = length;
            buffers[2 + 2 * i] = data;
        }
        ByteBuffer head = ByteBuffer.allocate(HEADER_BYTES + 4)
                .putInt(MAGIC).putInt(bodyLength).putInt((int) crc.getValue()).put(count);
        buffers[0] = head.flip();
        return buffers;
    }

    /** Returns where the entries of a batch written at {@code offset} lie, as a valid frame. */
    static Frame layout(List<Bytes> entries, long offset, int bodyLength) {
        long[] offsets = new long[entries.size()];
        int[] lengths = new int[entries.size()];
        long pos = offset + HEADER_BYTES + 4;
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = pos + 4;
            lengths[i] = entries.get(i).size();
            pos += 4L + lengths[i];
        }
        return Frame.valid(offset, offset + HEADER_BYTES + bodyLength, offsets, lengths);
    }

    /** Returns the body length of a batch, or -1 when it exceeds {@link #MAX_BODY_BYTES}. */
    static int bodyLength(List<Bytes> entries) {
        long total = 4;
        for (Bytes entry : entries) {
            total += 4L + entry.size();
        }
        return total > MAX_BODY_BYTES ? -1 : (int) total;
    }

    /** Checks the frame that starts at {@code offset} in a file of {@code fileSize} bytes. */
    static Frame check(FileChannel channel, long offset, long fileSize) throws IOException {
        if (fileSize - offset < HEADER_BYTES) {
            return Frame.bad(Status.INCOMPLETE, offset, "the file ends inside a frame header");
        }
        ByteBuffer head = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
        if (!FileSupport.readFully(channel, head, offset)) {
            return Frame.bad(Status.INCOMPLETE, offset, "the file ends inside a frame header");
        }
        int magic = head.getInt(0);
        int bodyLength = head.getInt(4);
        if (magic != MAGIC) {
            return Frame.bad(Status.INVALID, offset, String.format("found 0x%08x instead of the frame magic", magic));
        }
        if (bodyLength < 8 || bodyLength > MAX_BODY_BYTES) {
            return Frame.bad(Status.INVALID, offset, "frame length " + bodyLength + " is impossible");
        }
        long end = offset + HEADER_BYTES + bodyLength;
        if (end > fileSize) {
            return Frame.bad(Status.INCOMPLETE, offset, "the frame of " + bodyLength + " bytes runs past the end of the file");
        }
        ByteBuffer body = ByteBuffer.allocate(bodyLength);
        if (!FileSupport.readFully(channel, body, offset + HEADER_BYTES)) {
            return Frame.bad(Status.INCOMPLETE, offset, "the file ends inside a frame");
        }
        CRC32C crc = new CRC32C();
        crc.update(body.array(), 0, bodyLength);
        if ((int) crc.getValue() != head.getInt(8)) {
            return Frame.bad(Status.INVALID, offset, "the frame's CRC32C does not match its content");
        }
        return parseBody(body, offset, end);
    }

    private static Frame parseBody(ByteBuffer body, long offset, long end) {
        int count = body.getInt(0);
        if (count < 1 || count > (body.capacity() - 4) / 5) {
            return Frame.bad(Status.INVALID, offset, "entry count " + count + " is impossible");
        }
        long[] offsets = new long[count];
        int[] lengths = new int[count];
        int pos = 4;
        for (int i = 0; i < count; i++) {
            int length = pos + 4 <= body.capacity() ? body.getInt(pos) : -1;
            if (length < 1 || (long) pos + 4 + length > body.capacity()) {
                return Frame.bad(Status.INVALID, offset, "entry " + i + " has an impossible length " + length);
            }
            offsets[i] = offset + HEADER_BYTES + pos + 4;
            lengths[i] = length;
            pos += 4 + length;
        }
        if (pos != body.capacity()) {
            return Frame.bad(Status.INVALID, offset, (body.capacity() - pos) + " stray bytes after the last entry");
        }
        return Frame.valid(offset, end, offsets, lengths);
    }

    /**
     * Looks for a valid frame that starts after {@code from}: if there is one, the bad bytes at
     * {@code from} are not a torn tail but damage in the middle of the log.
     *
     * @return the offset of the first valid frame after {@code from}, or -1
     */
    static long findValidFrameAfter(FileChannel channel, long from, long fileSize) throws IOException {
        final int chunkBytes = 1 << 20;
        ByteBuffer chunk = ByteBuffer.allocate(chunkBytes + 3);
        for (long base = from + 1; base <= fileSize - HEADER_BYTES; base += chunkBytes) {
            chunk.clear();
            chunk.limit((int) Math.min(chunk.capacity(), fileSize - base));
            FileSupport.readFully(channel, chunk, base);
            for (int i = 0; i + 4 <= chunk.position(); i++) {
                if (chunk.getInt(i) == MAGIC && check(channel, base + i, fileSize).status == Status.VALID) {
                    return base + i;
                }
            }
        }
        return -1;
    }
}
