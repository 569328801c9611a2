package id.go.dukcapil.ikd.token.repository;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.token.domain.RelyingParty;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RelyingPartyRepository implements PanacheRepositoryBase<RelyingParty, String> {
}
