import java.io.DataInputStream;
import java.io.IOException;

public class Main {
    public static void main(String[] args) throws IOException {
        Reader in = new Reader();
        int n = (int) in.nextLong();
        long cheapest = in.nextLong();
        long best = Long.MIN_VALUE;
        for (int j = 1; j < n; j++) {
            long price = in.nextLong();
            best = Math.max(best, price - cheapest);
            cheapest = Math.min(cheapest, price);
        }
        System.out.println(best);
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
