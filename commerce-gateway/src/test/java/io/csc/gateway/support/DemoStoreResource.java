package io.csc.gateway.support;

import java.util.Map;

import io.csc.demostore.DemoStore;
import io.csc.demostore.DemoStoreOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The project's WooCommerce-compatible demo store, in-process on a random port (OAuth 1.0a over plain HTTP). */
public class DemoStoreResource implements QuarkusTestResourceLifecycleManager {
    public static final String DOMAIN = "demo-shop.test";
    private DemoStore store;

    @Override
    public Map<String, String> start() {
        store = DemoStore.start(DemoStoreOptions.defaults().port(0));
        return Map.of("test.demo-store.url", store.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(store, new TestInjector.AnnotatedAndMatchesType(InjectDemoStore.class, DemoStore.class));
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
        }
    }
}
