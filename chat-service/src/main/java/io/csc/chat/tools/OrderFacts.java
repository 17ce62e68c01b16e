package io.csc.chat.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
import io.csc.model.commerce.Address;
import io.csc.model.commerce.OrderSummary;

/** Renders an order as plain text and as the facts a reply may state (grounding). Only from the gateway's answer. */
final class OrderFacts {
    private OrderFacts() {
    }

    static List<Fact> facts(OrderSummary o) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("order_number", number(o)));
        facts.add(new Fact("status", o.status()));
        if (o.dateCreated() != null) {
            facts.add(new Fact("date", day(o.dateCreated())));
        }
        if (o.total() != null) {
            facts.add(new Fact("total", o.total()));
        }
        if (o.tracking() != null) {
            for (OrderSummary.Tracking t : o.tracking()) {
                if (t.trackingNumber() != null) {
                    facts.add(new Fact("tracking", t.trackingNumber()));
                }
            }
        }
        if (o.shipping() != null && o.shipping().address1() != null && !o.shipping().address1().isBlank()) {
            facts.add(new Fact("address", address(o.shipping())));
        }
        return facts;
    }

    /** The spec's "Your order #12345 is processing. Ordered on: ... Total: ... Tracking: ..." */
    static String status(OrderSummary o) {
        return status(o, Language.EN);
    }

    /** The order's status line in the shopper's language. */
    static String status(OrderSummary o, Language lang) {
        StringBuilder sb = new StringBuilder(ReplyCatalog.text(lang, "order.status",
                Map.of("order", number(o), "status", statusWords(o.status(), lang))));
        if (o.dateCreated() != null) {
            sb.append(' ').append(ReplyCatalog.text(lang, "order.date", Map.of("date", day(o.dateCreated()))));
        }
        if (o.total() != null) {
            sb.append(' ').append(ReplyCatalog.text(lang, "order.total", Map.of("total", money(o))));
        }
        String tracking = trackingText(o, lang);
        if (!tracking.isEmpty()) {
            sb.append(' ').append(tracking);
        }
        return sb.toString();
    }

    static String trackingText(OrderSummary o) {
        return trackingText(o, Language.EN);
    }

    static String trackingText(OrderSummary o, Language lang) {
        if (o.tracking() == null || o.tracking().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (OrderSummary.Tracking t : o.tracking()) {
            if (t.trackingNumber() == null) {
                continue;
            }
            sb.append(sb.isEmpty() ? ReplyCatalog.text(lang, "order.tracking") + " " : ", ").append(t.trackingNumber());
            if (t.provider() != null && !t.provider().isBlank()) {
                sb.append(" (").append(t.provider()).append(')');
            }
            if (t.trackingUrl() != null && !t.trackingUrl().isBlank()) {
                sb.append(' ').append(t.trackingUrl());
            }
        }
        return sb.isEmpty() ? "" : sb.append('.').toString();
    }

    static String line(OrderSummary o, Language lang) {
        return "#" + number(o) + " (" + (o.dateCreated() == null ? "" : day(o.dateCreated()) + ", ")
                + statusWords(o.status(), lang) + (o.total() == null ? "" : ", " + money(o)) + ")";
    }

    /** "USD 59.00", as the order carries it. */
    static String money(OrderSummary o) {
        return (o.currency() == null ? "" : o.currency() + " ") + (o.total() == null ? "" : o.total());
    }

    static String number(OrderSummary o) {
        return o.number() == null || o.number().isBlank() ? Long.toString(o.id()) : o.number();
    }

    static String day(String isoDate) {
        return isoDate.length() >= 10 ? isoDate.substring(0, 10) : isoDate;
    }

    static String statusWords(String status) {
        return status == null ? "unknown" : status.replace('-', ' ');
    }

    /** WooCommerce's status in the shopper's words ("processing" is "in Bearbeitung"); an unknown status as it is. */
    static String statusWords(String status, Language lang) {
        if (status == null) {
            return ReplyCatalog.text(lang, "status.unknown");
        }
        return ReplyCatalog.has("status." + status) ? ReplyCatalog.text(lang, "status." + status) : statusWords(status);
    }

    static String address(Address a) {
        StringBuilder sb = new StringBuilder(a.address1());
        if (a.address2() != null && !a.address2().isBlank()) {
            sb.append(", ").append(a.address2());
        }
        sb.append(", ").append(a.city() == null ? "" : a.city());
        if (a.state() != null && !a.state().isBlank()) {
            sb.append(", ").append(a.state());
        }
        sb.append(' ').append(a.postcode() == null ? "" : a.postcode()).append(", ")
                .append(a.country() == null ? "" : a.country());
        return sb.toString();
    }
}
