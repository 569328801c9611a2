package id.go.dukcapil.ikd.verification.portal;

import id.go.dukcapil.ikd.verification.domain.FaceMatchScore;
import id.go.dukcapil.ikd.verification.rest.DirectoryViews;
import id.go.dukcapil.ikd.verification.rest.Views;
import id.go.dukcapil.ikd.verification.repository.ComplaintRepository;
import id.go.dukcapil.ikd.verification.rest.ComplaintViews;
import id.go.dukcapil.ikd.verification.rest.ReceiptCheckResource;
import id.go.dukcapil.ikd.verification.service.ComplaintFigures;
import id.go.dukcapil.ikd.verification.service.OperatorPrincipal;
import id.go.dukcapil.ikd.verification.service.RegisterRecap;
import id.go.dukcapil.ikd.verification.service.ServiceRegister;
import id.go.dukcapil.ikd.verification.service.ServiceReportService;
import id.go.dukcapil.ikd.verification.service.SlaFigures;
import id.go.dukcapil.ikd.verification.service.CentralQueueFigures;
import io.quarkus.qute.TemplateData;

/** The types the portal's templates read, so Qute resolves them without reflection. */
@TemplateData(target = PortalSession.Signed.class)
@TemplateData(target = OperatorPrincipal.class)
@TemplateData(target = PortalNotice.class)
@TemplateData(target = Views.CaseView.class)
@TemplateData(target = Views.RegistrationView.class)
@TemplateData(target = Views.ResidentView.class)
@TemplateData(target = Views.FlagView.class)
@TemplateData(target = Views.DecisionView.class)
@TemplateData(target = Views.OtherRegistrationView.class)
@TemplateData(target = Views.QueueItem.class)
@TemplateData(target = Views.CentralReviewView.class)
@TemplateData(target = CentralQueueFigures.CentralQueue.class)
@TemplateData(target = CentralQueueFigures.Region.class)
@TemplateData(target = CentralQueueFigures.CentralCase.class)
@TemplateData(target = Views.ServiceLogView.class)
@TemplateData(target = ServiceReportService.SlaReport.class)
@TemplateData(target = ServiceReportService.OfficeReport.class)
@TemplateData(target = SlaFigures.StepReport.class)
@TemplateData(target = SlaFigures.DayThroughput.class)
@TemplateData(target = SlaFigures.Breach.class)
@TemplateData(target = SlaFigures.OperatorFigures.class)
@TemplateData(target = ServiceReportService.DayLog.class)
@TemplateData(target = DirectoryViews.OfficeEntry.class)
@TemplateData(target = DirectoryViews.TimeZoneView.class)
@TemplateData(target = DirectoryViews.HoursView.class)
@TemplateData(target = DirectoryViews.ChannelView.class)
@TemplateData(target = ServiceRegister.Register.class)
@TemplateData(target = ServiceRegister.Row.class)
@TemplateData(target = ServiceRegister.StepTime.class)
@TemplateData(target = RegisterRecap.Recap.class)
@TemplateData(target = RegisterRecap.ResultCount.class)
@TemplateData(target = RegisterRecap.ChannelCount.class)
@TemplateData(target = RegisterRecap.StepShare.class)
@TemplateData(target = RegisterRecap.OperatorRecap.class)
@TemplateData(target = ReceiptCheckResource.ReceiptStatusView.class)
@TemplateData(target = ComplaintViews.OfficeView.class)
@TemplateData(target = ComplaintViews.NoteView.class)
@TemplateData(target = ComplaintViews.CitizenView.class)
@TemplateData(target = ComplaintViews.Step.class)
@TemplateData(target = ComplaintViews.Filed.class)
@TemplateData(target = ComplaintFigures.Summary.class)
@TemplateData(target = ComplaintRepository.OfficeChoice.class)
@TemplateData(target = ComplaintViews.CategoryOption.class)
@TemplateData(target = PortalCaseResource.StillLine.class)
@TemplateData(target = VideoCallStillsResource.StillView.class)
@TemplateData(target = FaceMatchScore.class)
final class TemplateTypes {

    private TemplateTypes() {
    }
}
