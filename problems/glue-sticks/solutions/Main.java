import java.io.DataInputStream;
import java.io.IOException;
import java.util.PriorityQueue;

public class Main {
    public static void main(String[] args) throws IOException {
        Reader in = new Reader();
        int n = (int) in.nextLong();
        // always join the two shortest pieces
        PriorityQueue<Long> pieces = new PriorityQueue<>(n);
        for (int i = 0; i < n; i++) pieces.add(in.nextLong());
        long cost = 0;
        while (pieces.size() > 1) {
            long joined = pieces.poll() + pieces.poll();
            cost += joined;
            pieces.add(joined);
        }
        System.out.println(cost);
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
