package io.tailsim.models.config;

/** Kafka's security.protocol values; TLS ones cost broker CPU per request and per byte and lose zero-copy. */
public enum SecurityProtocol {
    PLAINTEXT(false), SSL(true), SASL_PLAINTEXT(false), SASL_SSL(true);

    private final boolean tls;

    SecurityProtocol(boolean tls) {
        this.tls = tls;
    }

    public boolean usesTls() {
        return tls;
    }
}
