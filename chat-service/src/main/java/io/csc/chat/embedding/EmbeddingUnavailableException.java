package io.csc.chat.embedding;

/** The in-process embedding model could not be loaded; its users fall back to what needs no model. */
public class EmbeddingUnavailableException extends RuntimeException {

    public EmbeddingUnavailableException(Throwable cause) {
        super("The in-process embedding model is unavailable: " + cause.getClass().getSimpleName(), cause);
    }
}
