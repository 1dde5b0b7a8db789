import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer first = new StringTokenizer(in.readLine());
        int r = Integer.parseInt(first.nextToken()), c = Integer.parseInt(first.nextToken());
        boolean[] land = new boolean[r * c];
        for (int i = 0; i < r; i++) {
            String row = in.readLine().trim();
            for (int j = 0; j < c; j++) land[i * c + j] = row.charAt(j) == '#';
        }
        int[] stack = new int[r * c];
        int islands = 0, largest = 0;
        for (int start = 0; start < r * c; start++) {
            if (!land[start]) continue;
            islands++;
            land[start] = false;
            int top = 0, area = 0;
            stack[top++] = start;
            while (top > 0) {
                int cell = stack[--top];
                area++;
                int y = cell / c, x = cell % c;
                if (y > 0 && land[cell - c]) { land[cell - c] = false; stack[top++] = cell - c; }
                if (y + 1 < r && land[cell + c]) { land[cell + c] = false; stack[top++] = cell + c; }
                if (x > 0 && land[cell - 1]) { land[cell - 1] = false; stack[top++] = cell - 1; }
                if (x + 1 < c && land[cell + 1]) { land[cell + 1] = false; stack[top++] = cell + 1; }
            }
            largest = Math.max(largest, area);
        }
        System.out.println(islands + " " + largest);
    }
}
