import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;

public class Main {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        int n = (int) readLong(in);
        long threshold = readLong(in);
        long count = 0, total = 0;
        for (int i = 0; i < n; i++) {
            long b = readLong(in);
            if (b >= threshold) {
                count++;
                total += b;
            }
        }
        System.out.println(count + " " + total);
    }

    private static long readLong(DataInputStream in) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r') c = in.read();
        long value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = in.read();
        }
        return value;
    }
}
