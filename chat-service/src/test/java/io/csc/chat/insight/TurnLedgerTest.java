package io.csc.chat.insight;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.csc.chat.assistant.Awaiting;
import io.csc.chat.turn.AssistantReply;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The per-day turn counters are added up in memory and written by a flush: turns recorded at the same time all count,
 * none twice, and the console's read flushes first.
 */
@QuarkusTest
class TurnLedgerTest {
    @Inject
    TurnLedger ledger;

    @Inject
    InsightService insight;

    @Inject
    Pool pool;

    private static AssistantReply answered(String mode) {
        return new AssistantReply("text", List.of(), null, false, List.of(), mode, "answered", Awaiting.NOTHING, false);
    }

    @Test
    void turnsRecordedAtOnceAreAllCountedOnce() throws Exception {
        String domain = "ledger-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String mode = i % 4 == 0 ? "llm" : "builtin";
                all.add(CompletableFuture.runAsync(
                        () -> ledger.record(domain, "c1", "hello", answered(mode)).await().indefinitely(), threads));
                if (i == 200) {
                    // a flush in the middle of the burst takes what is there; the rest waits for the next one
                    all.add(CompletableFuture.runAsync(() -> ledger.flush().await().indefinitely(), threads));
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        } finally {
            threads.shutdown();
        }
        ledger.flush().await().indefinitely();
        ledger.flush().await().indefinitely();
        assertEquals(300, row(domain, "builtin").getInteger("turns"));
        assertEquals(100, row(domain, "llm").getInteger("turns"));
    }

    @Test
    void theConsoleReadsTurnsNotYetFlushed() {
        String domain = "ledger-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        for (int i = 0; i < 3; i++) {
            ledger.record(domain, "c1", "hello", answered("builtin")).await().indefinitely();
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(3, insight.stats(domain, today, today).await().indefinitely().totals().turns());
    }

    private Row row(String domain, String mode) {
        var rows = pool.preparedQuery("SELECT turns FROM chat.insight_turn_day WHERE domain = $1 AND mode = $2")
                .execute(Tuple.of(domain, mode)).await().indefinitely();
        return rows.iterator().hasNext() ? rows.iterator().next() : null;
    }
}
