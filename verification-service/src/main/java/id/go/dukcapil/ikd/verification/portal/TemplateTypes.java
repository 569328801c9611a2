package id.go.dukcapil.ikd.verification.portal;

import id.go.dukcapil.ikd.verification.mapping.Views;
import id.go.dukcapil.ikd.verification.service.OperatorPrincipal;
import id.go.dukcapil.ikd.verification.service.ServiceReportService;
import io.quarkus.qute.TemplateData;

/** The types the portal's templates read, so Qute resolves them without reflection. */
@TemplateData(target = PortalSession.Signed.class)
@TemplateData(target = OperatorPrincipal.class)
@TemplateData(target = PortalResource.Notice.class)
@TemplateData(target = Views.CaseView.class)
@TemplateData(target = Views.RegistrationView.class)
@TemplateData(target = Views.ResidentView.class)
@TemplateData(target = Views.FlagView.class)
@TemplateData(target = Views.DecisionView.class)
@TemplateData(target = Views.OtherRegistrationView.class)
@TemplateData(target = Views.QueueItem.class)
@TemplateData(target = Views.ServiceLogView.class)
@TemplateData(target = ServiceReportService.SlaReport.class)
@TemplateData(target = ServiceReportService.OfficeReport.class)
@TemplateData(target = ServiceReportService.StepReport.class)
final class TemplateTypes {

    private TemplateTypes() {
    }
}
