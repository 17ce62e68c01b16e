package io.csc.chat.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.csc.chat.insight.InsightService;
import io.csc.chat.knowledge.StoreAnswer;
import io.csc.chat.knowledge.StoreAnswerService;
import io.csc.web.AdminOnly;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * The store's own answers (admin bearer token): list, write, edit, delete. An answer is store knowledge searched before
 * the store's pages and cited "Store answer"; written for a group of unanswered questions ({@code unansweredIds}), it
 * takes those questions off the unanswered list.
 */
@Path("/api/admin/chat/answers")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class AdminAnswersResource {
    private final StoreAnswerService answers;
    private final InsightService insight;

    public AdminAnswersResource(StoreAnswerService answers, InsightService insight) {
        this.answers = answers;
        this.insight = insight;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record AnswerRequest(String question, String answer, List<Long> unansweredIds) {
    }

    @GET
    public Uni<Map<String, Object>> list(@RestQuery String domain) {
        String d = PublicEdge.domain(domain);
        return answers.list(d).map(list -> Map.of("success", true, "domain", d, "answers", list));
    }

    @GET
    @Path("/{id}")
    public Uni<StoreAnswer> get(@RestPath long id, @RestQuery String domain) {
        String d = PublicEdge.domain(domain);
        return answers.get(d, id).map(a -> a.orElseThrow(AdminAnswersResource::notFound));
    }

    @POST
    public Uni<RestResponse<Map<String, Object>>> create(@RestQuery String domain, AnswerRequest body) {
        String d = PublicEdge.domain(domain);
        AnswerRequest b = valid(body);
        return answers.create(d, b.question().strip(), b.answer().strip())
                .chain(a -> insight.markAnswered(d, b.unansweredIds(), a.id())
                        .map(marked -> RestResponse.status(RestResponse.Status.CREATED,
                                Map.<String, Object>of("success", true, "answer", a, "questionsAnswered", marked))));
    }

    @PUT
    @Path("/{id}")
    public Uni<Map<String, Object>> update(@RestPath long id, @RestQuery String domain, AnswerRequest body) {
        String d = PublicEdge.domain(domain);
        AnswerRequest b = valid(body);
        return answers.update(d, id, b.question().strip(), b.answer().strip())
                .map(a -> Map.of("success", true, "answer", a.orElseThrow(AdminAnswersResource::notFound)));
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@RestPath long id, @RestQuery String domain) {
        String d = PublicEdge.domain(domain);
        return answers.delete(d, id).map(ok -> {
            if (!ok) {
                throw notFound();
            }
            return RestResponse.noContent();
        });
    }

    private static AnswerRequest valid(AnswerRequest body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body with question and answer is required");
        }
        if (body.question() == null || body.question().isBlank()
                || body.question().length() > StoreAnswerService.MAX_QUESTION) {
            throw ApiException.badRequest("question must be 1 to " + StoreAnswerService.MAX_QUESTION + " characters");
        }
        if (body.answer() == null || body.answer().isBlank() || body.answer().length() > StoreAnswerService.MAX_ANSWER) {
            throw ApiException.badRequest("answer must be 1 to " + StoreAnswerService.MAX_ANSWER + " characters");
        }
        if (body.unansweredIds() != null && body.unansweredIds().size() > 1000) {
            throw ApiException.badRequest("unansweredIds: at most 1000");
        }
        return body;
    }

    private static ApiException notFound() {
        return ApiException.notFound("answer_not_found", "No such answer in this store");
    }
}
