package io.csc.gateway.crypto;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.csc.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;

/** Builds the cipher at startup, so a missing or malformed ENCRYPTION_KEY stops the service with a clear message. */
public class CipherProducer {

    @Produces
    @Singleton
    @Startup
    CredentialCipher cipher(GatewayConfig config) {
        try {
            return new CredentialCipher(config.crypto().key().orElse(null), config.crypto().previousKeys().orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("commerce-gateway cannot start: " + e.getMessage());
        }
    }
}
