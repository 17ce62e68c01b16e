package io.csc.chat.support;

import java.util.function.Supplier;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Runs a reactive call (tools, repositories) on a Vert.x context, as a request would, and waits for it. */
public final class OnVertx {
    private OnVertx() {
    }

    public static <T> T await(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
