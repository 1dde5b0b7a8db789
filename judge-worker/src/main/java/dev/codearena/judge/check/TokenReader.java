package dev.codearena.judge.check;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams whitespace-separated tokens, so outputs of any size are compared in constant memory. */
final class TokenReader implements Closeable {

    private static final int MAX_TOKEN = 1 << 20;

    private final InputStream in;
    private final byte[] token = new byte[4096];
    private byte[] big;

    TokenReader(Path file) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** The next token, or null at end of file; tokens over 1 MB are cut (they are wrong anyway). */
    String next() throws IOException {
        int c;
        do {
            c = in.read();
        } while (c != -1 && isSpace(c));
        if (c == -1) {
            return null;
        }
        byte[] buffer = token;
        int length = 0;
        while (c != -1 && !isSpace(c)) {
            if (length == buffer.length) {
                if (length >= MAX_TOKEN) {
                    break;
                }
                big = java.util.Arrays.copyOf(buffer, length * 2);
                buffer = big;
            }
            buffer[length++] = (byte) c;
            c = in.read();
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0b;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
