package dev.codearena.arena.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every command the Redis server executes, in its execution order, seen through {@code MONITOR}
 * on a connection of its own. Lets a test check from the outside what several instances did
 * against the shared Redis (e.g. that their matchmaking passes never held the lock together).
 */
final class RedisCommandLog implements AutoCloseable {

    /** {@code +1732590000.123456 [0 127.0.0.1:54321] "SET" "mm:lock:blitz" ...} */
    private static final Pattern LINE = Pattern.compile("^\\+[0-9.]+ \\[\\d+ ([^\\]]+)] (.*)$");
    private static final Pattern ARGUMENT = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One executed command: the client connection that sent it and its arguments (command name first). */
    record Command(String client, List<String> arguments) {
        String name() {
            return arguments.isEmpty() ? "" : arguments.get(0).toUpperCase();
        }

        String argument(int index) {
            return index < arguments.size() ? arguments.get(index) : null;
        }
    }

    private final Socket socket;
    private final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private RedisCommandLog(Socket socket) {
        this.socket = socket;
        this.reader = new Thread(this::read, "redis-monitor");
        this.reader.setDaemon(true);
    }

    static RedisCommandLog start(String redisUrl) throws IOException {
        URI uri = URI.create(redisUrl);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        OutputStream out = socket.getOutputStream();
        out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        RedisCommandLog log = new RedisCommandLog(socket);
        log.reader.start();
        return log;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher matcher = LINE.matcher(line);
                if (!matcher.matches()) {
                    continue; // +OK of MONITOR itself
                }
                List<String> arguments = new ArrayList<>();
                Matcher argument = ARGUMENT.matcher(matcher.group(2));
                while (argument.find()) {
                    arguments.add(argument.group(1));
                }
                commands.add(new Command(matcher.group(1), arguments));
            }
        } catch (IOException e) {
            // closed
        }
    }

    List<Command> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
