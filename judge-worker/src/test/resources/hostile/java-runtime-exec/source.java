import java.io.IOException;
import java.nio.charset.StandardCharsets;

// Runtime.exec / ProcessBuilder work but only inside the sandbox: the shell cannot read the
// shadow file or write outside the scratch, so it prints ok.
public class Main {
    public static void main(String[] args) throws Exception {
        Process p = Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c",
                "cat /etc/shadow 2>/dev/null && echo leaked; touch /prog/x 2>/dev/null && echo leaked; echo done"});
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Process q = new ProcessBuilder("/bin/sh", "-c", "ls /io 2>/dev/null && echo leaked; true").start();
        out += new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        q.waitFor();
        System.out.println(out.contains("leaked") ? out : "ok");
    }
}
