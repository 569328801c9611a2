package id.go.dukcapil.ikd.verification.service;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.service.ServiceRegister.Register;
import id.go.dukcapil.ikd.verification.service.ServiceRegister.Row;
import id.go.dukcapil.ikd.verification.service.ServiceRegister.StepTime;

/** The month's recap of a register, the figures an office reports upward. */
public final class RegisterRecap {

    /** Results in the order offices report them; every status has a line, so the counts add up to {@code served}. */
    static final List<CaseStatus> RESULT_ORDER = List.of(CaseStatus.ACTIVATED, CaseStatus.APPROVED, CaseStatus.REJECTED,
            CaseStatus.AWAITING_CENTRAL, CaseStatus.IN_REVIEW, CaseStatus.WITHDRAWN, CaseStatus.SUPERSEDED,
            CaseStatus.QUEUED);

    public record ResultCount(String status, long count) {
    }

    public record ChannelCount(String channel, long count) {
    }

    /** Of the steps timed (3, 4, 5, whole service 99): how many within their standard. */
    public record StepShare(int sopStep, long measured, long within, double withinPercent) {
    }

    public record OperatorRecap(String operator, String operatorName, long served, long approved, long rejected,
            long measured, double withinPercent) {
    }

    public record Recap(String officeCode, String officeName, OfficeTimeZone zone, YearMonth month, long served,
            List<ResultCount> results, List<ChannelCount> channels, List<StepShare> steps, long measured,
            double withinPercent, List<OperatorRecap> operators) {
    }

    private RegisterRecap() {
    }

    static Recap of(Register register, YearMonth month) {
        List<Row> rows = register.rows();
        Map<String, Long> byStatus = rows.stream().collect(Collectors.groupingBy(Row::status, Collectors.counting()));
        List<ResultCount> results = new ArrayList<>();
        RESULT_ORDER.forEach(s -> results.add(new ResultCount(s.name(), byStatus.getOrDefault(s.name(), 0L))));
        Map<String, Long> byChannel = rows.stream().filter(r -> r.channel() != null)
                .collect(Collectors.groupingBy(Row::channel, TreeMap::new, Collectors.counting()));
        List<ChannelCount> channels = byChannel.entrySet().stream()
                .map(e -> new ChannelCount(e.getKey(), e.getValue())).toList();

        List<StepTime> all = rows.stream().flatMap(r -> r.steps().stream()).toList();
        Map<Integer, List<StepTime>> bySop = all.stream()
                .collect(Collectors.groupingBy(StepTime::sopStep, TreeMap::new, Collectors.toList()));
        List<StepShare> steps = bySop.entrySet().stream().map(e -> share(e.getKey(), e.getValue())).toList();
        StepShare overall = share(0, all);

        Map<String, List<Row>> byOperator = rows.stream().filter(r -> r.operator() != null)
                .collect(Collectors.groupingBy(Row::operator, TreeMap::new, Collectors.toList()));
        List<OperatorRecap> operators = byOperator.entrySet().stream().map(e -> {
            List<Row> own = e.getValue();
            // an operator answers for the counter step (3); central review and activation are not theirs
            List<StepTime> counter = own.stream().map(r -> r.step(3)).filter(s -> s != null).toList();
            StepShare share = share(3, counter);
            return new OperatorRecap(e.getKey(), own.get(0).operatorName(), own.size(),
                    own.stream().filter(r -> r.status().equals("APPROVED") || r.status().equals("ACTIVATED")).count(),
                    own.stream().filter(r -> r.status().equals("REJECTED")).count(), share.measured(),
                    share.withinPercent());
        }).toList();
        return new Recap(register.officeCode(), register.officeName(), register.zone(), month, rows.size(), results,
                channels, steps, overall.measured(), overall.withinPercent(), operators);
    }

    private static StepShare share(int sopStep, List<StepTime> steps) {
        long within = steps.stream().filter(StepTime::within).count();
        double percent = steps.isEmpty() ? 0 : Math.round(1000.0 * within / steps.size()) / 10.0;
        return new StepShare(sopStep, steps.size(), within, percent);
    }
}
