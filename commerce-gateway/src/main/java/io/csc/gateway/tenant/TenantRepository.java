package io.csc.gateway.tenant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TenantRepository implements PanacheRepository<Tenant> {

    public Uni<Tenant> findByDomain(String domain) {
        return find("domain", domain).firstResult();
    }
}
