package io.csc.model.commerce;

/** A registered customer: just enough to recognise and greet them. */
public record CustomerSummary(long id, String email, String firstName, String lastName, String username,
        boolean payingCustomer, String dateCreated) {
}
