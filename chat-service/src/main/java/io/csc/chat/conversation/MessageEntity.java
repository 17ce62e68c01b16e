package io.csc.chat.conversation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One stored message, already redacted. */
@Entity
@Table(name = "message")
public class MessageEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "conversation_id")
    public String conversationId;
    public String role;
    public String text;
    @Column(name = "created_at")
    public Instant createdAt;
}
