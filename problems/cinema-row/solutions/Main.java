import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer first = new StringTokenizer(in.readLine());
        first.nextToken();
        int k = Integer.parseInt(first.nextToken());
        String row = in.readLine().trim();
        long places = 0;
        int freeRun = 0; // free seats ending at the current one
        for (int i = 0; i < row.length(); i++) {
            freeRun = row.charAt(i) == '.' ? freeRun + 1 : 0;
            if (freeRun >= k) places++;
        }
        System.out.println(places);
    }
}
