package dev.idea.core.validation;

import java.io.OutputStream;

/** An output stream that discards what it is given; used to drain inputs through their digests. */
final class OutputSink extends OutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    private OutputSink() {
    }

    @Override
    public void write(int b) {
        // discarded on purpose
    }

    @Override
    public void write(byte[] b, int off, int len) {
        // discarded on purpose
    }
}
