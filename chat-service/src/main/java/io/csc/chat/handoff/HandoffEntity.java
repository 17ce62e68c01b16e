package io.csc.chat.handoff;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A conversation handed to the store's staff. */
@Entity
@Table(name = "handoff")
public class HandoffEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "conversation_id")
    public String conversationId;
    public String domain;
    public String reason;
    /** The shopper's email, only when given and agreed to be used for the answer. */
    @Column(name = "reply_to")
    public String replyTo;
    /** open|answered (email path), waiting|claimed|resolved|timed_out|unstaffed (live handoff) */
    public String state;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
    /** When the transcript went to the support address (once per conversation). */
    @Column(name = "mailed_at")
    public Instant mailedAt;
}
