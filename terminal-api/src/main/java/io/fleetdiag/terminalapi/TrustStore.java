package io.fleetdiag.terminalapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates to trust for the Adyen endpoint instead of the JVM's: a private CA, a TLS-inspecting
 * proxy, or the simulator on HTTPS. A PKCS12 or JKS file; its password only guards its integrity.
 */
public record TrustStore(Path path, String password) {

    public TrustStore {
        Objects.requireNonNull(path, "path");
    }

    /** An SSL context that trusts exactly these certificates; a store that cannot be read is an error that names it. */
    public SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the trust store " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TrustStore[" + path + "]";
    }
}
