package io.csc.chat.conversation;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.csc.chat.support.ServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import static io.csc.chat.support.OnVertx.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * chat-service's connections commit asynchronously (DB_SYNCHRONOUS_COMMIT, default off), and what goes through
 * {@link Durable} commits synchronously all the same.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class DurableTest {
    @Inject
    Pool pool;
    @Inject
    Durable durable;

    @Test
    void turnsCommitAsynchronouslyAndDurableWritesSynchronously() {
        String pooled = await(() -> pool.query("select current_setting('synchronous_commit')").execute())
                .iterator().next().getString(0);
        assertEquals("off", pooled, "the connections' setting, from the configuration");

        String durableSetting = await(() -> durable.execute("select current_setting($1)", Tuple.of("synchronous_commit")))
                .iterator().next().getString(0);
        assertEquals("on", durableSetting, "a durable write commits synchronously");

        String after = await(() -> pool.query("select current_setting('synchronous_commit')").execute())
                .iterator().next().getString(0);
        assertEquals("off", after, "the durable write's setting ends with its transaction (set local)");
        await(durable::flush);
    }
}
