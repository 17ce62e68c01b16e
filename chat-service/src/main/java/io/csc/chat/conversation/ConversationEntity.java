package io.csc.chat.conversation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A conversation of one widget session of one store. */
@Entity
@Table(name = "conversation")
public class ConversationEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String domain;
    @Column(name = "session_id")
    public String sessionId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Turns in a row in which the assistant could not help. */
    @Column(name = "failed_turns")
    public int failedTurns;
    @Column(name = "contact_email")
    public String contactEmail;
    /** The order a simple match (email + order number) proved; the only order such a grant may read. */
    @Column(name = "matched_order_id")
    public Long matchedOrderId;
    @Column(name = "matched_email")
    public String matchedEmail;
    /** Where the last one-time code was sent, so the shopper may type just the code. */
    @Column(name = "code_email")
    public String codeEmail;
    /** When verification was first started here; null: no grant can exist for this conversation. */
    @Column(name = "verification_started_at")
    public Instant verificationStartedAt;
}
