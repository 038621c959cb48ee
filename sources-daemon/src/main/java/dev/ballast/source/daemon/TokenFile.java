package dev.ballast.source.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token read from a file and read again every minute, so that rotated tokens (projected
 * service account tokens, for example) are picked up without a restart.
 */
final class TokenFile {

    static final Duration REFRESH = Duration.ofMinutes(1);

    private final Path path;
    private final Clock clock;
    private String token;
    private Instant readAt;

    /**
     * Reads the file once, so that a missing or empty file is reported at start.
     *
     * @throws IOException if the file cannot be read or is empty
     */
    TokenFile(Path path, Clock clock) throws IOException {
        this.path = path;
        this.clock = clock;
        this.token = read(path);
        this.readAt = clock.instant();
    }

    /** The current token; a failed re-read keeps the previous one. */
    synchronized String token() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(REFRESH) >= 0) {
            readAt = now;
            try {
                token = read(path);
            } catch (IOException e) {
                // Keep the last good token; the server will say if it is no longer accepted.
            }
        }
        return token;
    }

    private static String read(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            throw new IOException("token file " + path + " is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IOException(
                        "token file "
                                + path
                                + " holds a character that cannot go in an HTTP header (U+"
                                + String.format("%04X", (int) c)
                                + " at "
                                + i
                                + ")");
            }
        }
        return text;
    }
}
