package io.csc.verification.grant;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "conversation_consent")
public class ConsentEntity {
    @Id
    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "text_version")
    public String textVersion;

    @Column(name = "consented_at")
    public Instant consentedAt;
}
