package id.go.dukcapil.ikd.token.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.token.domain.Identity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<Identity, UUID> {
}
