package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.ApprovalModel;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.OfficeLevel;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.OperatorAccount;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.OperatorRepository;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Offices and operator accounts, managed by admins. */
@ApplicationScoped
public class AdminService {

    private final OfficeRepository offices;
    private final OperatorRepository operators;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public AdminService(OfficeRepository offices, OperatorRepository operators, PasswordHasher hasher, AuditLog audit) {
        this.offices = offices;
        this.operators = operators;
        this.hasher = hasher;
        this.audit = audit;
    }

    public record NewOffice(String code, String name, OfficeLevel level, String areaCode, String address, String phone,
            String email, String whatsapp, String website, ApprovalModel approvalModel, int verificationMinutes,
            int validationMinutes, int activationMinutes, int completionMinutes, String standardSource) {
    }

    public record NewOperator(String username, String fullName, String officeCode, Set<Role> roles, String password) {
    }

    @WithSession
    public Uni<List<Office>> offices() {
        return offices.all();
    }

    @WithTransaction
    public Uni<Office> createOffice(OperatorPrincipal admin, NewOffice request) {
        OfficeTimeZone zone;
        try {
            zone = OfficeTimeZone.ofArea(request.areaCode());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new ProblemException(CommonProblems.VALIDATION_FAILED,
                    "Kode wilayah tidak diawali kode provinsi yang dikenal.",
                    "The area code does not start with a known province code."));
        }
        return offices.findById(request.code()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ProblemException(VerificationProblems.OFFICE_EXISTS));
            }
            Uni<Long> areaTaken = request.areaCode() == null ? Uni.createFrom().item(0L)
                    : offices.count("areaCode", request.areaCode());
            return areaTaken.chain(taken -> {
                if (taken > 0) {
                    return Uni.createFrom().failure(new ProblemException(VerificationProblems.OFFICE_AREA_TAKEN));
                }
                Office office = new Office();
                office.code = request.code();
                office.name = request.name();
                office.level = request.level();
                office.areaCode = request.areaCode();
                office.timeZone = zone;
                office.address = request.address();
                office.phone = request.phone();
                office.email = request.email();
                office.whatsapp = request.whatsapp();
                office.website = request.website();
                office.approvalModel = request.approvalModel();
                office.verificationMinutes = request.verificationMinutes();
                office.validationMinutes = request.validationMinutes();
                office.activationMinutes = request.activationMinutes();
                office.completionMinutes = request.completionMinutes();
                office.standardSource = request.standardSource();
                office.createdAt = Instant.now();
                return offices.persist(office)
                        .call(() -> audit.append("OFFICE_CREATED", admin.username(), admin.officeCode(), office.code,
                                Map.of("approvalModel", office.approvalModel.name())));
            });
        });
    }

    @WithSession
    public Uni<List<OperatorAccount>> operators() {
        return operators.all();
    }

    public Uni<OperatorAccount> createOperator(OperatorPrincipal admin, NewOperator request) {
        String username = request.username().trim().toLowerCase();
        return hasher.hash(request.password())
                .chain(hash -> Panache.withTransaction(() -> store(admin, request, username, hash)));
    }

    private Uni<OperatorAccount> store(OperatorPrincipal admin, NewOperator request, String username, String hash) {
        return offices.findById(request.officeCode()).chain(office -> {
            if (office == null) {
                return Uni.createFrom().failure(new ProblemException(VerificationProblems.OFFICE_NOT_FOUND));
            }
            return operators.findByUsername(username).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().failure(new ProblemException(VerificationProblems.USERNAME_TAKEN));
                }
                OperatorAccount account = new OperatorAccount();
                account.id = UUID.randomUUID();
                account.username = username;
                account.fullName = request.fullName();
                account.officeCode = office.code;
                account.roles = OperatorAccount.joinRoles(request.roles().isEmpty() ? EnumSet.of(Role.OPERATOR)
                        : EnumSet.copyOf(request.roles()));
                account.passwordHash = hash;
                account.active = true;
                account.createdAt = Instant.now();
                return operators.persist(account)
                        .call(() -> audit.append("OPERATOR_CREATED", admin.username(), admin.officeCode(),
                                account.username, Map.of("office", account.officeCode, "roles", account.roles)));
            });
        });
    }

    /** Switches verification by video call on or off for an office (its SOP says whether it offers it). */
    @WithTransaction
    public Uni<Office> videoCalls(OperatorPrincipal admin, String officeCode, boolean enabled) {
        return offices.findById(officeCode).chain(office -> {
            if (office == null) {
                return Uni.createFrom().failure(new ProblemException(VerificationProblems.OFFICE_NOT_FOUND));
            }
            office.videoCalls = enabled;
            return audit.append("OFFICE_VIDEO_CALLS", admin.username(), admin.officeCode(), office.code,
                    Map.of("enabled", enabled)).replaceWith(office);
        });
    }

    @WithTransaction
    public Uni<OperatorAccount> unlock(OperatorPrincipal admin, UUID operatorId) {
        return operators.findById(operatorId).chain(account -> {
            if (account == null) {
                return Uni.createFrom().failure(new ProblemException(VerificationProblems.OPERATOR_NOT_FOUND));
            }
            account.lockedUntil = null;
            account.failedAttempts = 0;
            return audit.append("OPERATOR_UNLOCKED", admin.username(), admin.officeCode(), account.username, Map.of())
                    .replaceWith(account);
        });
    }
}
