package dev.codearena.command.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The HS256 signing key: configured, or generated once and kept in the data directory. */
final class JwtKey {

    private static final int MIN_BYTES = 32;

    private JwtKey() {
    }

    static SecretKey resolve(String configured, Path dataDir) {
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
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(bytes);
            Path tmp = Files.createTempFile(file.getParent(), "jwt", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data directory's own permissions protect it
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(bytes));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the JWT secret in " + file, e);
        }
    }
}
