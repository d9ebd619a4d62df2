package org.gridtwin.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.gridtwin.model.InvalidInputException;

/**
 * The server's certificate chain and private key, read from PEM files as an operator gets them from a CA or
 * {@code certbot}: the certificate first, then its intermediates; the key unencrypted in PKCS#8
 * ({@code BEGIN PRIVATE KEY}, RSA or EC). Problems are input errors naming the file and how to fix it.
 */
public final class Tls {
    /** In-memory key store password: the store never leaves the process. */
    static final char[] PASSWORD = "in-memory".toCharArray();
    private final KeyStore keyStore;
    private final X509Certificate leaf;

    private Tls(KeyStore keyStore, X509Certificate leaf) {
        this.keyStore = keyStore;
        this.leaf = leaf;
    }

    public static Tls load(Path certPem, Path keyPem, Instant now) {
        List<Certificate> chain = certificates(certPem);
        PrivateKey key = privateKey(keyPem);
        X509Certificate leaf = (X509Certificate) chain.get(0);
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            throw InvalidInputException.of(certPem.toString(), "certificate", leaf.getSubjectX500Principal()
                    .getName(), "expired at " + leaf.getNotAfter().toInstant() + "; renew it");
        }
        if (!leaf.getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
            throw InvalidInputException.of(keyPem.toString(), "key", key.getAlgorithm(), "is not the key of the "
                    + leaf.getPublicKey().getAlgorithm() + " certificate in " + certPem);
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, PASSWORD, chain.toArray(Certificate[]::new));
            return new Tls(ks, leaf);
        } catch (GeneralSecurityException | IOException e) {
            throw InvalidInputException.of(keyPem.toString(), "key", "", "does not belong to the certificate in "
                    + certPem + " (" + e.getMessage() + ")");
        }
    }

    private static List<Certificate> certificates(Path file) {
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(Files.readAllBytes(file)));
            if (certs.isEmpty()) {
                throw InvalidInputException.of(file.toString(), "certificate", "", "holds no certificate (a PEM file "
                        + "with -----BEGIN CERTIFICATE-----)");
            }
            return List.copyOf(certs);
        } catch (IOException e) {
            throw InvalidInputException.of(file.toString(), "certificate", "", "cannot be read (" + e.getMessage()
                    + ")");
        } catch (GeneralSecurityException e) {
            throw InvalidInputException.of(file.toString(), "certificate", "", "is not a PEM certificate ("
                    + e.getMessage() + ")");
        }
    }

    private static PrivateKey privateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw InvalidInputException.of(file.toString(), "key", "", "cannot be read (" + e.getMessage() + ")");
        }
        if (text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw InvalidInputException.of(file.toString(), "key", "encrypted", "must not be encrypted (serve has "
                    + "nobody to ask for the passphrase): openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem, and "
                    + "keep the file readable by the server's user only");
        }
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")) {
            throw InvalidInputException.of(file.toString(), "key", "PKCS#1/SEC1", "must be PKCS#8 (BEGIN PRIVATE "
                    + "KEY): openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem");
        }
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw InvalidInputException.of(file.toString(), "key", "", "holds no private key (a PEM file with "
                    + "-----BEGIN PRIVATE KEY-----)");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // the next algorithm
            }
        }
        throw InvalidInputException.of(file.toString(), "key", "", "is not an RSA, EC or Ed25519 private key");
    }

    KeyStore keyStore() {
        return keyStore;
    }

    /** The certificate's subject and expiry, for the start-up line. */
    public String describe() {
        return leaf.getSubjectX500Principal().getName() + ", valid until " + leaf.getNotAfter().toInstant();
    }
}
