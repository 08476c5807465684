package io.fleetdiag.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * TLS on a service's HTTP port: on when {@code http.tls.keystore} names a keystore (PKCS#12 or JKS) holding
 * the server's key and certificate chain. Its password comes from the environment
 * ({@code FLEETDIAG_HTTP_TLS_KEYSTORE_PASSWORD}) or a file ({@code http.tls.keystore-password-file}, as
 * container secrets are mounted), and is never listed.
 */
public final class HttpTls {

    public static final String KEYSTORE = "http.tls.keystore";
    public static final String PASSWORD = "http.tls.keystore-password";
    public static final String PASSWORD_FILE = "http.tls.keystore-password-file";

    private HttpTls() {
    }

    public static SettingsDefinition declare(SettingsDefinition http) {
        return http
                .optional(KEYSTORE, SettingType.PATH, "keystore (PKCS#12 or JKS) with the HTTP port's key and certificate; set, the port speaks only HTTPS")
                .secret(PASSWORD, "the keystore's password, never shown; or put it in a file named by `http.tls.keystore-password-file`")
                .optional(PASSWORD_FILE, SettingType.PATH, "a file holding the keystore's password (e.g. a mounted container secret)");
    }

    /**
     * The TLS set-up the settings ask for, the keystore already opened so a wrong path or password stops the
     * start with a clear line rather than failing the first handshake.
     */
    public static Optional<SslContextFactory.Server> from(ServiceConfig config) {
        Optional<String> keystore = config.find(KEYSTORE);
        if (keystore.isEmpty()) {
            return Optional.empty();
        }
        String password = password(config);
        Path path = Path.of(keystore.get());
        try {
            KeyStore.getInstance(path.toFile(), password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("Cannot open the keystore " + path + " (" + KEYSTORE + ") with the configured password: "
                    + e.getMessage(), e);
        }
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(path.toString());
        tls.setKeyStorePassword(password);
        return Optional.of(tls);
    }

    private static String password(ServiceConfig config) {
        Optional<String> file = config.find(PASSWORD_FILE);
        if (file.isPresent()) {
            try {
                return Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new ConfigurationException("Cannot read " + PASSWORD_FILE + " " + file.get() + ": " + e.getMessage(), e);
            }
        }
        return config.find(PASSWORD).orElseThrow(() -> new ConfigurationException(
                KEYSTORE + " is set but its password is not: set " + ServiceConfig.environmentName(PASSWORD) + " or " + PASSWORD_FILE));
    }
}
