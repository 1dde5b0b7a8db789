package dev.codearena.command.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A STAND-IN for GitHub's and Google's OAuth2 servers (both are unreachable from tests): a tiny
 * authorization, token and user-info server on a random local port, speaking the same protocol
 * (authorization-code grant, client_secret_basic, bearer user-info). It checks what a real provider
 * checks — client id and secret, that the code was issued for this redirect URI and is used once,
 * the bearer token — so the application's side of the flow is exercised for real; only the
 * provider's own login page is replaced by {@link #signInNextAs}.
 */
final class StandInOAuthProvider implements AutoCloseable {

    static final String CLIENT_ID = "codearena-test-client";
    static final String CLIENT_SECRET = "codearena-test-secret";

    private record Grant(Map<String, Object> user, String redirectUri) {
    }

    private final HttpServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> accessTokens = new ConcurrentHashMap<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private volatile Map<String, Object> nextUser;

    StandInOAuthProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/userinfo", this::userInfo);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the person does on the provider's login page: sign in as this user and approve. */
    void signInNextAs(Map<String, Object> userInfo) {
        nextUser = userInfo;
    }

    /** Requests the stand-in refused, with why (a correct client makes none). */
    List<String> refusals() {
        return refusals;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type")) || query.get("redirect_uri") == null) {
            refuse(exchange, 400, "bad authorization request " + query);
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(nextUser, query.get("redirect_uri")));
        String location = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?")
                + "code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod()) || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            refuse(exchange, 401, "token request without the client's credentials");
            return;
        }
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = body.get("code") == null ? null : codes.remove(body.get("code"));
        if (!"authorization_code".equals(body.get("grant_type")) || grant == null || !grant.redirectUri().equals(body.get("redirect_uri"))) {
            refuse(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String token = "at-" + UUID.randomUUID();
        accessTokens.put(token, grant.user());
        json(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"read:user\"}");
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> user = header != null && header.startsWith("Bearer ") ? accessTokens.get(header.substring(7)) : null;
        if (user == null) {
            refuse(exchange, 401, "user info without a valid access token");
            return;
        }
        json(exchange, 200, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(user));
    }

    private void refuse(HttpExchange exchange, int status, String why) throws IOException {
        refusals.add(why);
        json(exchange, status, why.startsWith("{") ? why : "{\"error\":\"" + why.replace("\"", "'") + "\"}");
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static URI uri(String text) {
        return URI.create(text);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
