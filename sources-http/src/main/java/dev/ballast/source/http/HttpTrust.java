package dev.ballast.source.http;

import dev.ballast.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;

/** Which TLS certificates an OkHttp client trusts, other than the JVM's default CAs. */
public final class HttpTrust {

    private static final Pattern PEM_CERTIFICATE =
            Pattern.compile(
                    "-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

    private HttpTrust() {}

    /**
     * Trusts every certificate and host name: for servers whose certificates cannot be verified,
     * such as Numaflow's daemons, whose self-signed certificates name only localhost.
     */
    public static void trustEverything(OkHttpClient.Builder builder) {
        X509TrustManager trustAll = new TrustAllManager();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {trustAll}, new SecureRandom());
            builder.sslSocketFactory(context.getSocketFactory(), trustAll)
                    .hostnameVerifier((host, session) -> true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS context", e);
        }
    }

    /**
     * Trusts only the certificates of a PEM file (one or more {@code BEGIN CERTIFICATE} blocks).
     *
     * @param keyPath the config key that named the file, for errors
     * @throws ConfigException naming the key and the file if it cannot be read or holds no readable
     *     certificate
     */
    public static void trustOnly(OkHttpClient.Builder builder, Path caFile, String keyPath) {
        String pem;
        try {
            // Any byte reads as some character: bundles hold comments in UTF-8 or Latin-1
            // between their blocks, and the blocks themselves are base64.
            pem = Files.readString(caFile, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigException(keyPath, "'" + caFile + "' cannot be read: " + e);
        }
        HandshakeCertificates.Builder trust = new HandshakeCertificates.Builder();
        Matcher m = PEM_CERTIFICATE.matcher(pem);
        int count = 0;
        while (m.find()) {
            try {
                trust.addTrustedCertificate(Certificates.decodeCertificatePem(m.group()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        keyPath,
                        "'"
                                + caFile
                                + "' holds a certificate that cannot be read: "
                                + e.getMessage());
            }
            count++;
        }
        if (count == 0) {
            throw new ConfigException(
                    keyPath, "'" + caFile + "' holds no PEM certificate (BEGIN CERTIFICATE)");
        }
        HandshakeCertificates certificates = trust.build();
        builder.sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager());
    }

    private static final class TrustAllManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
