// Every code a refusal carries, in one list (as bolt-js's ErrorCode): logs, tests and the reply
// blocks tell refusals apart by code; a person reads the refusal's message, from src/messages/.
// A new refusal gets its code here first; the type makes a code outside this list a compile error.

export const ErrorCode = {
  // Not understood (src/domain/command/parse-command.ts): the reply offers the closest command.
  UnknownWord: "unknown_word",
  UnknownUnit: "unknown_unit",
  AmbiguousUnit: "ambiguous_unit",
  UnknownTask: "unknown_task",
  UnknownState: "unknown_state",
  WhichTask: "which_task",
  Contradiction: "contradiction",
  ExtraWords: "extra_words",
  MissingUnit: "missing_unit",
  MissingTask: "missing_task",
  MissingState: "missing_state",
  MissingUser: "missing_user",
  BadUser: "bad_user",
  BadDateTime: "bad_datetime",
  WaitingDate: "waiting_date",
  ReasonRequired: "reason_required",
  CoordinatorUsage: "coordinator_usage",
  DeadlineUsage: "deadline_usage",
  SetUsage: "set_usage",
  SetMissingValue: "set_missing_value",
  VerifyUsage: "verify_usage",
  AcceptUsage: "accept_usage",
  NotVerifiedTask: "not_verified_task",

  // Who may do what (src/domain/access.ts).
  NotRegistered: "not_registered",
  NotYourUnit: "not_your_unit",
  UnitRequired: "unit_required",
  CoordinatorsOnly: "coordinators_only",
  NotAContact: "not_a_contact",
  CoordinatorFromEnv: "coordinator_from_env",

  // Reporting an item (src/domain/report-rules.ts).
  NoSuchItem: "no_such_item",
  UnknownDomain: "unknown_domain",
  DomainRequired: "domain_required",
  BadDate: "bad_date",
  DatePassed: "date_passed",
  NoteTooLong: "note_too_long",
  MethodOnlyWhenDone: "method_only_when_done",
  NaForbidden: "na_forbidden",
  SubdomainDnsOnly: "subdomain_dns_only",

  // A unit's facts and a contact's details (src/domain/unit-facts.ts).
  BadYesNo: "bad_yes_no",
  BadProvider: "bad_provider",
  BadIcp: "bad_icp",
  BadPhone: "bad_phone",
  BadEmail: "bad_email",

  // Deadlines (src/domain/deadline-rules.ts).
  UnknownDeadline: "unknown_deadline",
  DueBeforeOpen: "due_before_open",

  // What the bot cannot do here (src/use-cases/).
  NoOutgoing: "no_outgoing",
  VerifyOff: "verify_off",
  AcceptWhichItem: "accept_which_item",
  NoDigestChannel: "no_digest_channel",
  NoCoordinatorChannel: "no_coordinator_channel",
  SlackSendFailed: "slack_send_failed",

  // The store (src/store/transaction.ts): nothing was changed.
  StoreBusy: "store_busy",
  StoreMissing: "store_missing",
  StoreFault: "store_fault",

  // An ICP filing number (src/domain/icp-number.ts).
  IcpEmpty: "icp_empty",
  IcpLicenseNumber: "icp_license_number",
  IcpNotANumber: "icp_not_a_number",
  IcpNoProvince: "icp_no_province",
  IcpUnreadable: "icp_unreadable",
  IcpProvinceAlias: "icp_province_alias",
  IcpUnknownProvince: "icp_unknown_province",
  IcpSerialLength: "icp_serial_length",
  IcpSiteNumber: "icp_site_number",

  // A unit's ICP filings and the 附件4 form (src/domain/icp-filing.ts).
  IcpDomainNotOfUnit: "icp_domain_not_of_unit",
  IcpNumberOfOtherUnit: "icp_number_of_other_unit",
  IcpDomainsRequired: "icp_domains_required",
  IcpFilingsWouldMerge: "icp_filings_would_merge",
  IcpNoFiling: "icp_no_filing",
  IcpFilingRequired: "icp_filing_required",
  IcpUnknownFiling: "icp_unknown_filing",
  IcpBadSponsor: "icp_bad_sponsor",
  IcpReasonTooShort: "icp_reason_too_short",
  IcpReasonTooLong: "icp_reason_too_long",

  // The steps of an ICP filing's cancellation (src/domain/icp-path.ts).
  IcpDoneCannotBlock: "icp_done_cannot_block",
  IcpNotACenterStep: "icp_not_a_center_step",
  IcpNotASelfStep: "icp_not_a_self_step",
  IcpCenterStep: "icp_center_step",
  IcpAlreadyReceived: "icp_already_received",
  IcpCenterHasForm: "icp_center_has_form",
  IcpProviderUnknown: "icp_provider_unknown",
  IcpFormNotNeeded: "icp_form_not_needed",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
