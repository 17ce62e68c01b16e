package io.csc.chat.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
import io.quarkiverse.langchain4j.runtime.aiservice.SystemMessageProvider;

/**
 * The model's system message: the store's rules ({@code llm/system-prompt.txt}) with the store's name and what the
 * shopper's page says about them. quarkus-langchain4j asks for it before every model call, by conversation id; it is
 * rendered once per turn ({@link TurnScope#systemPrompt()}) by plain substitution, instead of a template parsed on every
 * call. The values are substituted in one pass: a store name cannot introduce a placeholder of its own.
 */
public final class SystemPrompt implements SystemMessageProvider {
    static final String RESOURCE = "llm/system-prompt.txt";
    private static final String TEMPLATE = load();
    private static final String STORE_NAME = "{storeName}";
    private static final String SHOPPER_CONTEXT = "{shopperContext}";
    private static final String LANGUAGE = "{language}";

    /** Instantiated by quarkus-langchain4j (a public no-argument constructor). */
    public SystemPrompt() {
    }

    @Override
    public Optional<String> getSystemMessage(Object conversationId) {
        TurnScope turn = TurnScope.active(conversationId);
        // no registered turn: only a conversation with two turns at once, the first finishing early; the rules still hold
        return Optional.of(turn != null ? turn.systemPrompt() : render(null));
    }

    static String render(TurnContext ctx) {
        String storeName = ctx == null ? "this store" : storeName(ctx);
        String shopper = ctx == null ? "- Nothing is known about the shopper." : ShopperHints.describe(ctx);
        String language = languageName(ctx);
        StringBuilder sb = new StringBuilder(TEMPLATE.length() + 256);
        int i = 0;
        while (i < TEMPLATE.length()) {
            if (TEMPLATE.startsWith(STORE_NAME, i)) {
                sb.append(storeName);
                i += STORE_NAME.length();
            } else if (TEMPLATE.startsWith(LANGUAGE, i)) {
                sb.append(language);
                i += LANGUAGE.length();
            } else if (TEMPLATE.startsWith(SHOPPER_CONTEXT, i)) {
                sb.append(shopper);
                i += SHOPPER_CONTEXT.length();
            } else {
                sb.append(TEMPLATE.charAt(i++));
            }
        }
        return sb.toString();
    }

    /**
     * The turn's language (detected from the message, else the conversation's, else the page's locale) named in
     * English, the language of the rules: "German". No turn: "the shopper's language".
     */
    static String languageName(TurnContext ctx) {
        if (ctx == null || ctx.locale() == null) {
            return "the shopper's language";
        }
        Language lang = Language.ofLocale(ctx.locale(), null);
        return lang == null ? "the shopper's language" : ReplyCatalog.languageName(lang, Language.EN);
    }

    private static String storeName(TurnContext ctx) {
        if (ctx.tenant() != null && ctx.tenant().storeName() != null && !ctx.tenant().storeName().isBlank()) {
            return ctx.tenant().storeName();
        }
        return Objects.requireNonNullElse(ctx.domain(), "this store");
    }

    private static String load() {
        try (InputStream in = Objects.requireNonNull(SystemPrompt.class.getClassLoader().getResourceAsStream(RESOURCE),
                RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
