package id.go.dukcapil.ikd.verification.domain;

import java.util.List;

/** An office as the public directory shows it: where it is, when it serves, how to complain. */
public record OfficeListing(String code, String name, OfficeLevel level, String areaCode, OfficeTimeZone timeZone,
        String address, String phone, String email, String whatsapp, String website, ApprovalModel approvalModel,
        int completionMinutes, List<OpeningHours> hours, List<OfficeChannel> channels) {
}
