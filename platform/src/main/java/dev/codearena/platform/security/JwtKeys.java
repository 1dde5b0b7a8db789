package dev.codearena.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HS256 key of the access tokens: {@code codearena.auth.jwt-secret} (base64, at least 256 bits) when
 * configured, else generated once into {@code ${codearena.data-dir}/gateway/jwt-secret}. The service that
 * issues tokens (command-side) and every service that verifies them (query-side) resolve it the same way,
 * so in one process, or in several sharing a data directory or the configured secret, they agree.
 */
public final class JwtKeys {

    private static final int MIN_BYTES = 32;

    private JwtKeys() {
    }

    public static SecretKey resolve(String configured, Path dataDir) {
        byte[] bytes = configured != null && !configured.isBlank()
                ? Base64.getDecoder().decode(configured.trim())
                : loadOrCreate(dataDir.resolve("gateway").resolve("jwt-secret"));
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("codearena.auth.jwt-secret must be at least 256 bits (32 bytes, base64)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static synchronized byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(bytes);
            Path tmp = Files.createTempFile(file.getParent(), "jwt", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the data directory's own permissions protect it
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(bytes));
                // A link fails if the file exists, so two services starting at once on one data directory
                // cannot each keep a different key (a rename would silently replace the other's).
                Files.createLink(file, tmp);
                return bytes;
            } catch (FileAlreadyExistsException raced) {
                return read(file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the JWT secret in " + file, e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file).trim());
    }
}
