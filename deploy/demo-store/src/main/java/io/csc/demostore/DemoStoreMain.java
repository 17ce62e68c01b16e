package io.csc.demostore;

import java.util.concurrent.CountDownLatch;

/** Runs the demo store standalone until the process is killed. */
public final class DemoStoreMain {

    private DemoStoreMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DemoStoreOptions options;
        try {
            options = DemoStoreOptions.fromArgs(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("demo-store: " + e.getMessage());
            System.err.println("usage: demo-store [--port 8090] [--host 127.0.0.1] [--latency-ms 0] [--site-url URL]"
                    + " [--allow-basic-over-http]");
            System.exit(2);
            return;
        }
        DemoStore store;
        try {
            store = DemoStore.start(options);
        } catch (IllegalStateException e) {
            System.err.println("demo-store: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(store::close, "demo-store-shutdown"));
        System.out.println("demo-store listening on " + store.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
