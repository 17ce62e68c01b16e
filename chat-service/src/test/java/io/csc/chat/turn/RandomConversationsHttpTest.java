package io.csc.chat.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.csc.chat.turn.RandomConversationsPropertyTest.Kind;
import io.csc.chat.turn.RandomConversationsPropertyTest.Step;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The random conversations of {@link RandomConversationsPropertyTest} (the same generator, sampled by jqwik) played
 * through {@code POST /api/chat} with the real database, the built-in assistant and its tools, against the WireMock
 * gateway (Alice's orders 1001 processing and 1002 completed; Bob's 2001). After every step the store's change
 * requests are counted: one only right after a reply that showed a confirm button, for the change that button named,
 * when the shopper pressed it or said yes; never for Bob's order.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class RandomConversationsHttpTest {
    static final int CONVERSATIONS = Integer.getInteger("random.http.conversations", 40);
    private static final Pattern LABEL = Pattern.compile("(Cancel|Request a refund for|Change the address of) order #(\\d+)");

    record Change(String what, long order) {
    }

    @Test
    void theStoreChangesOnlyRightAfterALiveProposalIsConfirmed() {
        ServicesResource.reset();
        List<List<Step>> sampled = new RandomConversationsPropertyTest().conversations().sampleStream()
                .limit(CONVERSATIONS).toList();
        int turns = 0;
        for (List<Step> steps : sampled) {
            turns += play(steps);
        }
        System.out.printf("random conversations (HTTP): %d played, %d turns%n", sampled.size(), turns);
        ServicesResource.gateway.verify(0, postRequestedFor(urlPathMatching("/internal/orders/2001/.*")));
        ServicesResource.gateway.verify(0, putRequestedFor(urlPathMatching("/internal/orders/2001/.*")));
    }

    private static long order(long n) {
        return n == 1 ? 1001 : n == 2 ? 1002 : 2001;
    }

    private int play(List<Step> steps) {
        Chats c = Chats.open();
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        String shown = null;
        Change shownChange = null;
        List<String> buttons = new ArrayList<>();
        List<String> played = new ArrayList<>();
        for (Step s : steps) {
            played.add(s.toString());
            Map<String, Object> body;
            String text = switch (s.kind()) {
                case CANCEL -> "cancel order " + order(s.order());
                case ADDRESS -> "change the shipping address of order " + order(s.order());
                case REFUND -> "I want a refund for order " + order(s.order());
                default -> s.text();
            };
            String confirm = switch (s.kind()) {
                case BUTTON_LIVE -> shown == null ? "pa_none" : shown;
                case BUTTON_WITHDRAWN -> {
                    String current = shown;
                    yield buttons.stream().filter(b -> !b.equals(current)).findFirst().orElse("pa_gone");
                }
                case BUTTON_FOREIGN -> "pa_foreign";
                default -> null;
            };
            body = c.turn(confirm == null ? text : null);
            if (confirm != null) {
                body.put("confirm", confirm);
            }
            // a yes that says "cancel" ("yes cancel it", or the follow-up "cancel it") confirms a cancellation only
            boolean cancelling = shownChange != null && "Cancel".equals(shownChange.what());
            boolean saysCancel = s.text() != null && s.text().contains("cancel");
            boolean confirms = s.kind() == Kind.YES && (!saysCancel || cancelling) || s.kind() == Kind.BUTTON_LIVE
                    || s.kind() == Kind.FOLLOW_UP && RandomConversationsPropertyTest.CANCEL_IT.contains(s.text())
                            && cancelling;
            Change expected = confirms ? shownChange : null;
            List<String> before = changes();
            JsonPath reply = Api.chat(c.ip(), body).then().statusCode(200).extract().jsonPath();
            List<String> made = new ArrayList<>(changes());
            before.forEach(made::remove);
            List<String> want = expected == null ? List.of() : List.of(path(expected));
            assertEquals(want, made, () -> "store changes after " + played + ": " + reply.getString("message"));
            shown = reply.getString("ui.confirm.id");
            shownChange = null;
            if (shown != null) {
                buttons.add(shown);
                Matcher m = LABEL.matcher(reply.getString("ui.confirm.label"));
                assertTrue(m.find(), reply.getString("ui.confirm.label"));
                shownChange = new Change(m.group(1), Long.parseLong(m.group(2)));
                assertTrue(shownChange.order() != 2001, "a proposal for Bob's order");
            }
        }
        return steps.size();
    }

    private static String path(Change c) {
        return "/internal/orders/" + c.order() + switch (c.what()) {
            case "Cancel" -> "/cancel";
            case "Request a refund for" -> "/refund-request";
            default -> "/shipping";
        };
    }

    /** Every change the store was asked to make so far, as request paths. */
    private static List<String> changes() {
        List<String> out = new ArrayList<>();
        ServicesResource.gateway.findAll(postRequestedFor(urlPathMatching("/internal/orders/\\d+/(cancel|refund-request)")))
                .forEach(r -> out.add(r.getUrl().replaceFirst("\\?.*", "")));
        ServicesResource.gateway.findAll(putRequestedFor(urlPathMatching("/internal/orders/\\d+/shipping")))
                .forEach(r -> out.add(r.getUrl().replaceFirst("\\?.*", "")));
        return out;
    }
}
