package io.csc.verification.support;

import io.csc.test.GatewayWireMockResource;
import io.csc.test.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;

/** One application for every @QuarkusTest here: the gateway stub and the SMTP server, started once. */
@QuarkusTestResource(value = GatewayWireMockResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = false)
public final class TestStack {
    private TestStack() {
    }
}
