package io.csc.chat.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.csc.chat.insight.InsightService;
import io.csc.web.AdminOnly;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * The console's view of the assistant (admin bearer token, as every {@code /api/admin/chat/**} route): figures per
 * day, conversations with their redacted transcripts, and the questions it could not answer.
 */
@Path("/api/admin/chat")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class AdminInsightResource {
    private static final int MAX_DAYS = 366;
    private static final Set<String> OUTCOMES = Set.of("answered", "unanswered", "handoff");
    private static final Pattern ORDER = Pattern.compile("#?\\s*(\\d{1,18})");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final InsightService insight;
    private final Clock clock;

    public AdminInsightResource(InsightService insight, Clock clock) {
        this.insight = insight;
        this.clock = clock;
    }

    /** {@code from}/{@code to}: UTC days (YYYY-MM-DD, both included); default the last 30 days. */
    @GET
    @Path("/stats")
    public Uni<Map<String, Object>> stats(@RestQuery String domain, @RestQuery String from, @RestQuery String to) {
        String d = PublicEdge.domain(domain);
        LocalDate[] range = range(from, to);
        return insight.stats(d, range[0], range[1]).map(s -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", true);
            body.put("domain", d);
            body.put("from", s.from().toString());
            body.put("to", s.to().toString());
            body.put("answeredWithoutHandoffShare", s.answeredShare());
            body.put("totals", s.totals());
            body.put("days", s.days());
            return body;
        });
    }

    /** {@code outcome}: answered|unanswered|handoff; {@code order}: an order number the conversation mentions. */
    @GET
    @Path("/conversations")
    public Uni<Map<String, Object>> conversations(@RestQuery String domain, @RestQuery String from, @RestQuery String to,
            @RestQuery String outcome, @RestQuery String order, @RestQuery Integer limit) {
        String d = PublicEdge.domain(domain);
        LocalDate[] range = range(from, to);
        String o = outcome == null || outcome.isBlank() ? null : outcome.strip().toLowerCase(java.util.Locale.ROOT);
        if (o != null && !OUTCOMES.contains(o)) {
            throw ApiException.badRequest("outcome must be answered, unanswered or handoff");
        }
        Long orderNumber = null;
        if (order != null && !order.isBlank()) {
            var m = ORDER.matcher(order.strip());
            if (!m.matches()) {
                throw ApiException.badRequest("order must be an order number, e.g. 1234");
            }
            orderNumber = Long.parseLong(m.group(1));
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 500) {
            throw ApiException.badRequest("limit must be between 1 and 500");
        }
        return insight.conversations(d, range[0].atStartOfDay().atOffset(ZoneOffset.UTC),
                range[1].plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), o, orderNumber, n)
                .map(list -> Map.of("success", true, "domain", d, "from", range[0].toString(), "to",
                        range[1].toString(), "conversations", list));
    }

    @GET
    @Path("/conversations/{id}")
    public Uni<Map<String, Object>> transcript(@RestPath String id, @RestQuery String domain) {
        String d = PublicEdge.domain(domain);
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiException.notFound("conversation_not_found", "No such conversation in this store");
        }
        return insight.transcript(d, id).map(t -> {
            if (t.isEmpty()) {
                throw ApiException.notFound("conversation_not_found", "No such conversation in this store");
            }
            return Map.of("success", true, "domain", d, "conversation", t.get().conversation(), "messages",
                    t.get().messages(), "unanswered", t.get().unanswered());
        });
    }

    /** Groups of questions the assistant could not answer in the last {@code days} (default 30) without a store answer. */
    @GET
    @Path("/unanswered")
    public Uni<Map<String, Object>> unanswered(@RestQuery String domain, @RestQuery Integer days) {
        String d = PublicEdge.domain(domain);
        int n = days == null ? 30 : days;
        if (n < 1 || n > MAX_DAYS) {
            throw ApiException.badRequest("days must be between 1 and " + MAX_DAYS);
        }
        OffsetDateTime since = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(n);
        return insight.unanswered(d, since).map(groups -> Map.of("success", true, "domain", d, "days", n, "groups",
                groups, "questions", groups.stream().mapToInt(InsightService.UnansweredGroup::count).sum()));
    }

    private LocalDate[] range(String from, String to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate t = to == null || to.isBlank() ? today : date("to", to);
        LocalDate f = from == null || from.isBlank() ? t.minusDays(29) : date("from", from);
        if (f.isAfter(t)) {
            throw ApiException.badRequest("from must not be after to");
        }
        if (f.plusDays(MAX_DAYS).isBefore(t)) {
            throw ApiException.badRequest("a period is at most " + MAX_DAYS + " days");
        }
        return new LocalDate[]{f, t};
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date, YYYY-MM-DD");
        }
    }
}
