package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.gridtwin.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files (the self-signed test certificates in src/test/resources/tls, never a real server's). */
class TlsTest {
    static final Path DIR = Path.of("src/test/resources/tls");

    static HttpClient trusting() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = java.nio.file.Files.newInputStream(DIR.resolve("test-cert.pem"))) {
            trust.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void theServerSpeaksHttpsOnlyWithTheCertificateItWasGiven(@TempDir Path data) throws Exception {
        Tls tls = Tls.load(DIR.resolve("test-cert.pem"), DIR.resolve("test-key.pem"), Instant.now());
        assertThat(tls.describe()).startsWith("O=GridTwin tests,CN=localhost, valid until 2");
        try (GridTwinServer server = GridTwinServer.create(ApiTest.NINGBO, ApiTest.options(), data, Clock.fixed(
                ApiTest.START, ZoneOffset.UTC), System::nanoTime, RunLimits.defaults(),
                org.gridtwin.ems.device.DeviceSource.twins(), true, tls).listen("127.0.0.1", 0)) {
            server.fleet().runCycles(1);
            HttpClient https = trusting();
            HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port()
                    + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            new org.gridtwin.server.auth.UserStore(data, Clock.systemUTC()).add("ops",
                    org.gridtwin.server.auth.Role.OPERATOR, "operator password 1".toCharArray());
            HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                    + server.port() + "/api/login")).header("Content-Type", "application/json").POST(
                            HttpRequest.BodyPublishers.ofString("{\"user\":\"ops\",\"password\":\"operator password 1\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; Secure");
            // plain HTTP on the same port is not served
            Throwable plain = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> {
                HttpResponse<String> p = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.port() + "/api/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (p.statusCode() == 200) {
                    throw new AssertionError("plain HTTP answered 200");
                }
                throw new java.io.IOException("refused with " + p.statusCode());
            });
            assertThat(plain).isNotInstanceOf(AssertionError.class);
        }
    }

    @Test
    void unusableKeysAreNamedWithTheFix() {
        assertThatThrownBy(() -> Tls.load(DIR.resolve("test-rsa-cert.pem"), DIR.resolve("test-rsa-pkcs1-key.pem"),
                Instant.now())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("test-rsa-pkcs1-key.pem").hasMessageContaining("must be PKCS#8")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        assertThatThrownBy(() -> Tls.load(DIR.resolve("test-rsa-cert.pem"), DIR.resolve("test-key.pem"),
                Instant.now())).hasMessageContaining("is not the key of the RSA certificate");
        assertThatThrownBy(() -> Tls.load(DIR.resolve("test-key.pem"), DIR.resolve("test-key.pem"), Instant.now()))
                .hasMessageContaining("test-key.pem");
        // a hundred years on, the test certificate has expired
        assertThatThrownBy(() -> Tls.load(DIR.resolve("test-cert.pem"), DIR.resolve("test-key.pem"),
                Instant.parse("2200-01-01T00:00:00Z"))).hasMessageContaining("expired at");
        // the RSA pair in PKCS#8 loads
        assertThat(Tls.load(DIR.resolve("test-rsa-cert.pem"), DIR.resolve("test-rsa-key.pem"), Instant.now())
                .describe()).contains("CN=localhost");
    }
}
