package id.go.dukcapil.ikd.verification.portal;

import id.go.dukcapil.ikd.verification.domain.Labels;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.service.RegisterExports;
import id.go.dukcapil.ikd.verification.service.ServiceRegister;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import id.go.dukcapil.ikd.web.Bilingual;

/** The {@code label:} namespace of the portal's templates: a code as "Indonesian <small>English</small>". */
@TemplateExtension(namespace = "label")
public class PortalLabels {

    static RawString caseStatus(String code) {
        return html(Labels.caseStatus(code));
    }

    static RawString complaintStatus(String code) {
        return html(complaint(code));
    }

    /** A complaint's status in plain words ("Indonesian / English"), for a select's options. */
    static String complaintStatusPlain(String code) {
        Bilingual label = complaint(code);
        return label == null ? "-" : label.plain();
    }

    private static Bilingual complaint(String code) {
        try {
            return id.go.dukcapil.ikd.verification.domain.ComplaintStatus.valueOf(code).words();
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    static RawString action(String code) {
        return html(Labels.action(code));
    }

    /** An action in plain words ("Indonesian / English"), for attributes such as a chart's labels. */
    static String actionPlain(String code) {
        return Labels.action(code).plain();
    }

    static RawString decision(String code) {
        return html(Labels.decision(code));
    }

    static RawString reason(String code) {
        return html(Labels.reason(code));
    }

    static RawString channel(String code) {
        return html(Labels.channel(code));
    }

    static RawString decisionState(String code) {
        return html(Labels.decisionState(code));
    }

    static RawString approvalModel(String code) {
        return html(Labels.approvalModel(code));
    }

    static RawString registry(String code) {
        return html(Labels.registry(code));
    }

    static RawString sopStep(int step) {
        return html(Labels.sopStep(step));
    }

    /** A register row's step (3, 4, 5, 99) against its standard, in words; "-" when not timed. */
    static String step(ServiceRegister.Row row, int step) {
        return RegisterExports.describe(row.step(step));
    }

    /** Whether a register row's step went over its standard. */
    static boolean over(ServiceRegister.Row row, int step) {
        ServiceRegister.StepTime time = row.step(step);
        return time != null && !time.within();
    }

    /** A register row's result with its reason and note, in words. */
    static String result(ServiceRegister.Row row) {
        return RegisterExports.result(row);
    }

    /** A note of the buku pelayanan, its codes in words. */
    static String note(String note) {
        return note == null ? "" : Labels.note(note);
    }

    /** The zone's name beside its code: "WITA <small>Waktu Indonesia Tengah · Central Indonesia Time</small>". */
    static RawString zone(String code) {
        OfficeTimeZone z = code == null ? OfficeTimeZone.WIB : OfficeTimeZone.valueOf(code);
        return new RawString(z.name() + " <small>" + escape(z.nameId()) + " · " + escape(z.nameEn()) + "</small>");
    }

    private static RawString html(Bilingual label) {
        if (label == null) {
            return new RawString("-");
        }
        if (label.id().equals(label.en())) {
            return new RawString(escape(label.id()));
        }
        return new RawString(escape(label.id()) + " <small>" + escape(label.en()) + "</small>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
