package io.csc.chat.grounding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.csc.chat.tools.Fact;
import io.csc.chat.tools.ToolResult;

/** The normalized order facts a reply may state: what tools returned in this conversation, and what the shopper said. */
public final class Evidence {
    private static final Pattern BARE_INTEGER = Pattern.compile("\\b\\d{1,12}\\b");
    private final Set<String> keys = new LinkedHashSet<>();
    /** Evidence from earlier turns, kept only as hashes (an address is personal data; its hash is not readable). */
    private final Set<String> hashed = new LinkedHashSet<>();

    public static Evidence of(Collection<ToolResult> results) {
        Evidence e = new Evidence();
        results.forEach(e::add);
        return e;
    }

    public Evidence add(ToolResult result) {
        if (result == null) {
            return this;
        }
        if (result.facts() != null) {
            for (Fact f : result.facts()) {
                keys.addAll(FactExtractor.evidence(f.kind(), f.value()));
            }
        }
        keys.addAll(FactExtractor.evidence(result.text()));
        return this;
    }

    /**
     * The shopper's own words ground the order numbers in them: "I'll look up order 1234" repeats the shopper, it does
     * not invent. Nothing else the shopper says is evidence (a shopper cannot make a status true by writing it).
     */
    public Evidence addShopperText(String text) {
        for (Claim c : FactExtractor.claims(text)) {
            if (c.kind().equals("order_number")) {
                keys.addAll(c.keys());
            }
        }
        // a bare number the shopper typed is an order number only in their words: "it's 1234"
        if (text != null) {
            Matcher m = BARE_INTEGER.matcher(text);
            while (m.find()) {
                keys.add(Claim.key("order_number", m.group().replaceFirst("^0+(?=\\d)", "")));
            }
        }
        return this;
    }

    /** Hashes of evidence from earlier turns of the conversation ({@link #hashedKeys()}). */
    public Evidence addHashed(Collection<String> hashes) {
        hashed.addAll(hashes);
        return this;
    }

    public boolean grounds(Claim claim) {
        return claim.keys().stream().anyMatch(k -> keys.contains(k) || hashed.contains(hash(k)));
    }

    /** This evidence as hashes, for keeping it between turns without keeping the facts themselves. */
    public Set<String> hashedKeys() {
        Set<String> out = new LinkedHashSet<>();
        keys.forEach(k -> out.add(hash(k)));
        return out;
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
