import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

public class Main {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        int n = readInt(in);
        int[] h = new int[n];
        for (int i = 0; i < n; i++) h[i] = readInt(in);
        int[] sorted = h.clone();
        Arrays.sort(sorted);
        long[] tree = new long[n + 1];  // Fenwick tree over height ranks seen so far
        long swaps = 0;
        for (int i = 0; i < n; i++) {
            int rank = upperBound(sorted, h[i]);  // books not taller than h[i] have rank <= this
            long notTaller = 0;
            for (int k = rank; k > 0; k -= k & -k) notTaller += tree[k];
            swaps += i - notTaller;
            for (int k = rank; k <= n; k += k & -k) tree[k]++;
        }
        System.out.println(swaps);
    }

    private static int upperBound(int[] a, int value) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int readInt(DataInputStream in) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r') c = in.read();
        int value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = in.read();
        }
        return value;
    }
}
