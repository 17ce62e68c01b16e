package io.csc.chat.metrics;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Counts, for the turn running on the current request's Vert.x context, what {@link ChatMetrics} only counts in total
 * (a model reply replaced by grounding), so the console's per-day figures can say which store and day it was. Best
 * effort: an event raised off the request's context is counted in the totals only.
 */
public final class TurnTally {
    private static final String KEY = "csc.turn.grounding";

    private TurnTally() {
    }

    static void groundingReplacement() {
        Context ctx = Vertx.currentContext();
        if (ctx != null && VertxContext.isDuplicatedContext(ctx)) {
            Integer n = ctx.getLocal(KEY);
            ctx.putLocal(KEY, n == null ? 1 : n + 1);
        }
    }

    /** The grounding replacements counted on this context since the last call, and starts again from zero. */
    public static int takeGroundingReplacements() {
        Context ctx = Vertx.currentContext();
        if (ctx == null || !VertxContext.isDuplicatedContext(ctx)) {
            return 0;
        }
        Integer n = ctx.getLocal(KEY);
        ctx.removeLocal(KEY);
        return n == null ? 0 : n;
    }
}
