package io.csc.gateway.tenant;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A store using the system. Secrets are stored only sealed by {@link io.csc.gateway.crypto.CredentialCipher}. */
@Entity
@Table(name = "tenants")
public class Tenant {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String domain;

    @Column(name = "store_name")
    public String storeName;

    @Column(name = "woocommerce_url")
    public String woocommerceUrl;

    @Column(name = "woocommerce_enabled", nullable = false)
    public boolean woocommerceEnabled;

    @Column(name = "consumer_key_enc")
    public String consumerKeyEnc;

    @Column(name = "consumer_secret_enc")
    public String consumerSecretEnc;

    @Column(name = "plugin_secret_enc", nullable = false)
    public String pluginSecretEnc;

    /** One origin per line. */
    @Column(name = "allowed_origins", nullable = false)
    public String allowedOrigins = "";

    @Column(name = "support_email")
    public String supportEmail;

    @Column(name = "development_store", nullable = false)
    public boolean developmentStore;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
