namespace Samverka.Features.Funding;

/// The documents of an organisation's annual filing that a programme can require, by code; each has a label
/// "FundingDocument.{code}".
public static class FundingDocuments
{
    public static readonly string[] Kinds = ["minutes", "activity-report", "financial-statement", "auditor-report"];
}
