import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        int q = Integer.parseInt(in.readLine().trim());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < q; i++) {
            StringTokenizer line = new StringTokenizer(in.readLine());
            long n = Long.parseLong(line.nextToken());
            long k = Long.parseLong(line.nextToken());
            // each trade removes k - 1 empties; at most n - 1 empties can be traded away
            out.append(n + (n - 1) / (k - 1)).append('\n');
        }
        System.out.print(out);
    }
}
