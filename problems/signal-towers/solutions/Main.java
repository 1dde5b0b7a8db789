import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

public class Main {
    public static void main(String[] args) throws IOException {
        Reader in = new Reader();
        int n = (int) in.nextLong();
        // lowest[k]: the smallest last height of a chain of k + 1 towers seen so far
        long[] lowest = new long[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            long h = in.nextLong();
            int k = Arrays.binarySearch(lowest, 0, length, h);
            if (k < 0) k = -k - 1; // insertion point: first height >= h
            lowest[k] = h;
            if (k == length) length++;
        }
        System.out.println(length);
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
