package io.csc.chat.llm;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Scripted model answers in the OpenAI wire format. A turn's first request has no tool message; once a tool ran, the
 * request carries its result ({@code role: tool}), which the "after tool" stubs match.
 */
final class OpenAiStubs {
    static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiStubs() {
    }

    static WireMockServer wm() {
        return OpenAiWireMock.server();
    }

    /** The model's first move in a turn (lower priority than {@link #afterTool}). */
    static MappingBuilder firstCall() {
        return post(urlEqualTo(PATH)).atPriority(5);
    }

    /** The model's move once a tool result is in the request. */
    static MappingBuilder afterTool() {
        return post(urlEqualTo(PATH)).atPriority(1).withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"));
    }

    static MappingBuilder streaming(MappingBuilder b) {
        return b.withRequestBody(matchingJsonPath("$[?(@.stream == true)]"));
    }

    static void firstAnswer(String text) {
        wm().stubFor(firstCall().willReturn(okJson(answer(text))));
    }

    static void toolThenAnswer(String tool, String argumentsJson, String text) {
        wm().stubFor(firstCall().willReturn(okJson(toolCall(tool, argumentsJson))));
        wm().stubFor(afterTool().willReturn(okJson(answer(text))));
    }

    static String answer(String text) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1764000000,"model":"stub-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":10,"total_tokens":20}}
                """.formatted(quote(text));
    }

    static String toolCall(String tool, String argumentsJson) {
        return """
                {"id":"chatcmpl-2","object":"chat.completion","created":1764000000,"model":"stub-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,
                   "tool_calls":[{"id":"call_1","type":"function","function":{"name":"%s","arguments":%s}}]},
                   "finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":10,"total_tokens":20}}
                """.formatted(tool, quote(argumentsJson));
    }

    /** A streamed answer: one SSE chunk per delta, then [DONE]. */
    static String sseAnswer(String... deltas) {
        StringBuilder sb = new StringBuilder();
        for (String d : deltas) {
            sb.append("data: {\"id\":\"chatcmpl-3\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,"
                    + "\"model\":\"stub-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":").append(quote(d))
                    .append("},\"finish_reason\":null}]}\n\n");
        }
        sb.append("data: {\"id\":\"chatcmpl-3\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,"
                + "\"model\":\"stub-model\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        sb.append("data: [DONE]\n\n");
        return sb.toString();
    }

    /** A streamed tool call. */
    static String sseToolCall(String tool, String argumentsJson) {
        return "data: {\"id\":\"chatcmpl-4\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,"
                + "\"model\":\"stub-model\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"index\":0,\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":\"" + tool
                + "\",\"arguments\":" + quote(argumentsJson) + "}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"chatcmpl-4\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,"
                + "\"model\":\"stub-model\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + "data: [DONE]\n\n";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    /** Every request the model received, parsed. */
    static List<JsonNode> requests() {
        return wm().findAll(postRequestedFor(urlEqualTo(PATH))).stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toList());
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
