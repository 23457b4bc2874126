package org.isoband.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for an {@code ssl://} broker, the same for the gateway and the dashboard (the {@code mqtt.ca_file},
 * {@code client_cert} and {@code client_key} settings), from the PEM files that Mosquitto setups use: a CA certificate to trust
 * (instead of the JVM's trust store, since home brokers usually have their own CA), and optionally a client
 * certificate with its PKCS#8 private key for mutual TLS. No Java key stores to convert to.
 */
public final class PemTls {
    private PemTls() {
    }

    /** Thrown when a PEM file cannot be read or used; names the file. */
    public static final class TlsSetupException extends RuntimeException {
        TlsSetupException(Path file, String problem, Exception cause) {
            super(file + ": " + problem + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        }
    }

    /**
     * @param caFile   PEM certificates to trust instead of the JVM's trust store, or null
     * @param certFile PEM client certificate (chain) for mutual TLS, or null
     * @param keyFile  its unencrypted PKCS#8 PEM key, or null without a certificate
     */
    public static SSLSocketFactory socketFactory(Path caFile, Path certFile, Path keyFile) {
        try {
            TrustManagerFactory trust = null;
            if (caFile != null) {
                KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
                trusted.load(null, null);
                int i = 0;
                for (Certificate ca : certificates(caFile)) {
                    trusted.setCertificateEntry("ca-" + i++, ca);
                }
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trusted);
            }
            KeyManagerFactory keys = null;
            if (certFile != null) {
                char[] none = new char[0];
                KeyStore own = KeyStore.getInstance(KeyStore.getDefaultType());
                own.load(null, null);
                own.setKeyEntry("client", privateKey(keyFile), none, certificates(certFile).toArray(new Certificate[0]));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(own, none);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException(caFile != null ? caFile : certFile, "cannot set up TLS", e);
        }
    }

    private static List<Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new TlsSetupException(file, "no PEM certificate in the file", null);
            }
            return new ArrayList<>(certs);
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException(file, "not a readable PEM certificate", e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new TlsSetupException(file, "cannot read the private key", e);
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
            throw new TlsSetupException(file, "the key is in the old PKCS#1/SEC1 form; convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8'", null);
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new TlsSetupException(file, "no unencrypted PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)", null);
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException tryNext) {
                // The PEM does not say the algorithm: try the ones brokers' clients use.
            }
        }
        throw new TlsSetupException(file, "the private key is neither RSA, EC nor Ed25519", null);
    }
}
