package io.csc.verification.grant;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.csc.model.verification.VerificationLevel;
import io.csc.model.verification.VerificationMethod;

@Entity
@Table(name = "verification_grant")
public class GrantEntity {
    @Id
    @Column(name = "conversation_id")
    public String conversationId;

    public String domain;

    public String email;

    @Enumerated(EnumType.STRING)
    public VerificationLevel level;

    @Enumerated(EnumType.STRING)
    public VerificationMethod method;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
