package io.csc.chat.builtin;

/** What the assistant asked for in its previous reply; it decides how a bare number or a short answer is read. */
public enum Expectation {
    NONE, EMAIL, CODE, ORDER_NUMBER, ADDRESS, YES_NO
}
