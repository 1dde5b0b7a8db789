import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.PriorityQueue;

public class Main {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        int n = (int) readLong(in), m = (int) readLong(in);
        int[] head = new int[n + 1], next = new int[m], to = new int[m];
        long[] weight = new long[m];
        Arrays.fill(head, -1);
        for (int j = 0; j < m; j++) {
            int u = (int) readLong(in);
            to[j] = (int) readLong(in);
            weight[j] = readLong(in);
            next[j] = head[u];
            head[u] = j;
        }
        long[] dist = new long[n + 1];
        Arrays.fill(dist, -1);
        PriorityQueue<long[]> frontier = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        frontier.add(new long[] {0, 1});
        while (!frontier.isEmpty()) {
            long[] top = frontier.poll();
            int u = (int) top[1];
            if (dist[u] != -1) continue;
            dist[u] = top[0];
            for (int e = head[u]; e != -1; e = next[e])
                if (dist[to[e]] == -1) frontier.add(new long[] {top[0] + weight[e], to[e]});
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= n; i++) out.append(dist[i]).append(i == n ? '\n' : ' ');
        System.out.print(out);
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
