package io.csc.chat.action;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A proposed change waiting for the shopper's confirmation. */
@Entity
@Table(name = "pending_action")
public class PendingActionEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "conversation_id")
    public String conversationId;
    public String domain;
    /** cancel|address_change|refund_request */
    public String kind;
    @Column(name = "order_id")
    /** The order a change is for; null for the consent question. */
    public Long orderId;
    /** JSON: reason or the new address */
    public String payload;
    /** pending|executed|dropped|expired|failed */
    public String state;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
