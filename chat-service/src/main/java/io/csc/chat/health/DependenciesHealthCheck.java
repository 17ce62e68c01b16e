package io.csc.chat.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The services chat calls (gateway, verification, cart), by their own liveness. The model is deliberately not here:
 * without it the built-in assistant answers, so chat stays ready.
 */
@Readiness
@ApplicationScoped
public class DependenciesHealthCheck implements AsyncHealthCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final WebClient client;
    private final String gateway;
    private final String verification;
    private final String cart;

    public DependenciesHealthCheck(Vertx vertx,
            @ConfigProperty(name = "quarkus.rest-client.commerce-gateway.url") String gateway,
            @ConfigProperty(name = "quarkus.rest-client.verification-service.url") String verification,
            @ConfigProperty(name = "quarkus.rest-client.cart-service.url") String cart) {
        this.client = WebClient.create(vertx);
        this.gateway = gateway;
        this.verification = verification;
        this.cart = cart;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.combine().all().unis(up(gateway), up(verification), up(cart)).asTuple().map(t -> {
            HealthCheckResponseBuilder b = HealthCheckResponse.named("chat-dependencies")
                    .withData("commerce-gateway", t.getItem1() ? "UP" : "DOWN")
                    .withData("verification-service", t.getItem2() ? "UP" : "DOWN")
                    .withData("cart-service", t.getItem3() ? "UP" : "DOWN")
                    .withData("assistant", "builtin available");
            return b.status(t.getItem1() && t.getItem2() && t.getItem3()).build();
        });
    }

    private Uni<Boolean> up(String base) {
        String url = base.endsWith("/") ? base + "q/health/live" : base + "/q/health/live";
        return client.getAbs(url).timeout(TIMEOUT.toMillis()).send().map(r -> r.statusCode() == 200)
                .onFailure().recoverWithItem(false);
    }
}
