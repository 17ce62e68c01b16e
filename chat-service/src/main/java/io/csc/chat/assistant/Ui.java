package io.csc.chat.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;

/**
 * Widget hints; at most one of the fields set. {@code input}: "email"|"code".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ui(String input, Confirm confirm, Boolean handoff) {
    public static Ui askEmail() {
        return new Ui("email", null, null);
    }

    public static Ui askCode() {
        return new Ui("code", null, null);
    }

    public static Ui confirm(String id, String label) {
        return new Ui(null, new Confirm(id, label), null);
    }

    /** The consent question's buttons: "I consent" and "No, thanks". */
    public static Ui consent(String id) {
        return consent(id, Language.EN);
    }

    /** The consent question's buttons in the shopper's language. */
    public static Ui consent(String id, Language lang) {
        return new Ui(null, new Confirm(id, ReplyCatalog.text(lang, "consent.accept"),
                ReplyCatalog.text(lang, "consent.decline")), null);
    }

    public static Ui handedOff() {
        return new Ui(null, null, Boolean.TRUE);
    }
}
