public class Main {
    public static void main(String[] args) {
        long x = 0;
        while (x >= 0) { x = (x * 31 + 7) & 0x7fffffffffffL; }
        System.out.println(x);
    }
}
