package id.go.dukcapil.ikd.activation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;
import id.go.dukcapil.ikd.activation.config.ActivationConfig.EventVersion;
import id.go.dukcapil.ikd.activation.domain.ActivationCode;
import id.go.dukcapil.ikd.activation.domain.Approval;
import id.go.dukcapil.ikd.activation.domain.OfficeOfRecord;
import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;

/**
 * Which contract version activation-service publishes: the switch, approvals older than the
 * recipient record, and approvals from verification.decided.v2, which have no contact to forward.
 */
class PublishedEventsTest {

    private static final Instant SWITCH = Instant.parse("2026-12-20T00:00:00Z");

    @Test
    void v1UntilSwitched() {
        assertThat(events(EventVersion.V1, Optional.empty()).codeIssued(approval(SWITCH.plusSeconds(60)), code(), "a.b.c.d.e"))
                .isInstanceOf(ActivationCodeIssued.class);
    }

    @Test
    void v2OnceSwitched() {
        assertThat(events(EventVersion.V2, Optional.empty()).codeIssued(approval(SWITCH.minusSeconds(60)), code(), "a.b.c.d.e"))
                .isInstanceOf(ActivationCodeIssuedV2.class);
    }

    @Test
    void anApprovalOlderThanTheRecipientRecordKeepsItsContact() {
        PublishedEvents events = events(EventVersion.V2, Optional.of(SWITCH));

        ActivationCodeIssued old = (ActivationCodeIssued) events.codeIssued(approval(SWITCH.minusSeconds(1)), code(), "a.b.c.d.e");
        assertThat(old.email()).isEqualTo("budi@example.id");
        assertThat(events.codeIssued(approval(SWITCH), code(), "a.b.c.d.e")).isInstanceOf(ActivationCodeIssuedV2.class);
    }

    @Test
    void anApprovalWithoutContactIsV2WhateverTheSwitch() {
        Approval fromV2 = approval(SWITCH.minusSeconds(60));
        fromV2.email = null;
        fromV2.phone = null;
        fromV2.language = null;

        assertThat(events(EventVersion.V1, Optional.empty()).codeIssued(fromV2, code(), "a.b.c.d.e"))
                .isInstanceOf(ActivationCodeIssuedV2.class);
        assertThat(events(EventVersion.V2, Optional.of(SWITCH)).codeIssued(fromV2, code(), "a.b.c.d.e"))
                .isInstanceOf(ActivationCodeIssuedV2.class);
    }

    private static PublishedEvents events(EventVersion version, Optional<Instant> since) {
        ActivationConfig.Events settings = new ActivationConfig.Events() {
            @Override
            public EventVersion version() {
                return version;
            }

            @Override
            public Optional<Instant> v2ApprovedAfter() {
                return since;
            }
        };
        ActivationConfig config = (ActivationConfig) Proxy.newProxyInstance(ActivationConfig.class.getClassLoader(),
                new Class<?>[] { ActivationConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("events")) {
                        return settings;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new PublishedEvents(config);
    }

    private static Approval approval(Instant approvedAt) {
        Approval approval = new Approval();
        approval.registrationId = UUID.randomUUID();
        approval.email = "budi@example.id";
        approval.phone = "+6281234567890";
        approval.language = "id";
        approval.approvedAt = approvedAt;
        approval.office = new OfficeOfRecord();
        approval.office.code = "3204-DISDUKCAPIL";
        approval.office.name = "Disdukcapil Kabupaten Bandung";
        return approval;
    }

    private static ActivationCode code() {
        ActivationCode code = new ActivationCode();
        code.id = UUID.randomUUID();
        code.sequence = 1;
        code.expiresAt = SWITCH.plusSeconds(86_400);
        return code;
    }
}
