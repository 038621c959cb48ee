package dev.ballast.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.MetricSourceException.Failure;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust set-ups against a MockWebServer over TLS with a self-signed certificate for localhost, as a
 * Numaflow daemon has, and what a refused handshake becomes.
 */
class HttpTrustTest {

    static final String KEY = "source.test.caFile";

    @TempDir Path dir;
    final HeldCertificate certificate =
            new HeldCertificate.Builder()
                    .commonName("localhost")
                    .addSubjectAlternativeName("localhost")
                    .build();
    final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.useHttps(
                new HandshakeCertificates.Builder()
                        .heldCertificate(certificate)
                        .build()
                        .sslSocketFactory());
        server.start(InetAddress.getByName("localhost"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Sends one GET to {@code host} and returns the status, or the typed failure. */
    int get(OkHttpClient.Builder builder, String host) throws MetricSourceException {
        String url = "https://" + host + ":" + server.getPort() + "/";
        try (Response response =
                builder.build().newCall(new Request.Builder().url(url).build()).execute()) {
            return response.code();
        } catch (IOException e) {
            throw HttpFailures.of("GET " + url, e);
        }
    }

    @Test
    void aCaFileIsTrustedAndTheHostNameStillChecked() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), certificate.certificatePem());
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        HttpTrust.trustOnly(builder, ca, KEY);
        server.enqueue(new MockResponse.Builder().code(204).build());

        assertThat(get(builder, "localhost")).isEqualTo(204);
        assertThatThrownBy(() -> get(builder, "127.0.0.1"))
                .isInstanceOfSatisfying(
                        MetricSourceException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.REJECTED))
                .hasMessageContaining("failed TLS verification");
    }

    @Test
    void aBundleWithCommentsInUtf8IsRead() throws Exception {
        Path bundle =
                Files.writeString(
                        dir.resolve("bundle.pem"),
                        "# NetLock Arany (Class Gold) F\u0151tan\u00fas\u00edtv\u00e1ny\n"
                                + certificate.certificatePem(),
                        java.nio.charset.StandardCharsets.UTF_8);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        HttpTrust.trustOnly(builder, bundle, KEY);
        server.enqueue(new MockResponse.Builder().code(204).build());

        assertThat(get(builder, "localhost")).isEqualTo(204);
    }

    @Test
    void theJvmsOwnCasRefuseASelfSignedCertificate() {
        assertThatThrownBy(() -> get(new OkHttpClient.Builder(), "localhost"))
                .isInstanceOfSatisfying(
                        MetricSourceException.class,
                        e -> {
                            assertThat(e.failure()).isEqualTo(Failure.REJECTED);
                            assertThat(e.failure().isTransient()).isFalse();
                        })
                .hasMessageContaining("failed TLS verification");
    }

    @Test
    void trustingEverythingAcceptsAnyCertificateAndHost() throws Exception {
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        HttpTrust.trustEverything(builder);
        server.enqueue(new MockResponse.Builder().code(204).build());

        assertThat(get(builder, "127.0.0.1")).isEqualTo(204);
    }

    @Test
    void aCaFileThatCannotBeUsedNamesTheKeyAndTheFile() throws Exception {
        Path missing = dir.resolve("missing.pem");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        Path broken =
                Files.writeString(
                        dir.resolve("broken.pem"),
                        "-----BEGIN CERTIFICATE-----\n"
                                + "bm90IGEgY2VydA==\n"
                                + "-----END CERTIFICATE-----\n");
        OkHttpClient.Builder builder = new OkHttpClient.Builder();

        assertThatThrownBy(() -> HttpTrust.trustOnly(builder, missing, KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(KEY + ": '" + missing + "' cannot be read");
        assertThatThrownBy(() -> HttpTrust.trustOnly(builder, empty, KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessage(KEY + ": '" + empty + "' holds no PEM certificate (BEGIN CERTIFICATE)");
        assertThatThrownBy(() -> HttpTrust.trustOnly(builder, broken, KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        KEY + ": '" + broken + "' holds a certificate that cannot be read");
    }
}
