import java.io.DataInputStream;
import java.io.IOException;

public class Main {
    // Leap years among 1..y.
    static long leapsUpTo(long y) {
        return y / 4 - y / 100 + y / 400;
    }

    public static void main(String[] args) throws IOException {
        Reader in = new Reader();
        int q = (int) in.nextLong();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < q; i++) {
            long a = in.nextLong();
            long b = in.nextLong();
            out.append(leapsUpTo(b) - leapsUpTo(a - 1)).append('\n');
        }
        System.out.print(out);
    }

    /** Minimal fast reader of whitespace-separated 64-bit integers. */
    static final class Reader {
        private final DataInputStream stream = new DataInputStream(System.in);
        private final byte[] buffer = new byte[1 << 16];
        private int length, position;

        private int read() throws IOException {
            if (position == length) {
                length = stream.read(buffer, 0, buffer.length);
                position = 0;
                if (length <= 0) return -1;
            }
            return buffer[position++];
        }

        long nextLong() throws IOException {
            int c = read();
            while (c == ' ' || c == '\n' || c == '\r') c = read();
            boolean negative = c == '-';
            if (negative) c = read();
            long value = 0;
            while (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                c = read();
            }
            return negative ? -value : value;
        }
    }
}
