namespace Samverka.Features.Funding.Payments;

/// The rules a payment order must meet before a file is written: every problem is reported, not just the first, so
/// an officer can mend the whole list at once.
public static class PaymentRules
{
    /// The currencies a file may carry: euro by SEPA credit transfer, kronor by Swedish domestic payment.
    public static readonly IReadOnlyList<string> Currencies = ["EUR", "SEK"];

    public static IReadOnlyList<PaymentProblem> Validate(PaymentOrder order)
    {
        var problems = new List<PaymentProblem>();
        void Order(PaymentProblemKind kind) => problems.Add(new(null, kind));

        if (!PaymentText.IsValidId(order.MessageId)) Order(PaymentProblemKind.MessageId);
        if (PaymentText.Clean(order.InitiatorName, PaymentText.NameLength).Length == 0) Order(PaymentProblemKind.InitiatorName);
        if (PaymentText.NormaliseOrganisationNumber(order.InitiatorOrganisationNumber) is { } initiatorNumber
            && !PaymentText.IsValidOrganisationNumber(initiatorNumber))
            Order(PaymentProblemKind.InitiatorOrganisationNumber);
        if (PaymentText.Clean(order.DebtorName, PaymentText.NameLength).Length == 0) Order(PaymentProblemKind.DebtorName);
        if (PaymentText.NormaliseBic(order.DebtorBic) is { } debtorBic && !PaymentText.IsValidBic(debtorBic))
            Order(PaymentProblemKind.DebtorBic);
        // A SEPA credit transfer leaves from an IBAN; a bankgiro number can only send kronor.
        if (order.DebtorAccount.Kind != BankAccountKind.Iban && order.Lines.Any(l => l.Currency == "EUR"))
            Order(PaymentProblemKind.DebtorAccountForEuro);
        if (order.Lines.Count == 0) Order(PaymentProblemKind.NoLines);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            void Line(PaymentProblemKind kind) => problems.Add(new(i, kind));

            if (!PaymentText.IsValidId(line.EndToEndId)) Line(PaymentProblemKind.EndToEndId);
            else if (!seen.Add(line.EndToEndId)) Line(PaymentProblemKind.EndToEndIdDuplicate);
            if (line.Amount <= 0) Line(PaymentProblemKind.Amount);
            else if (decimal.Round(line.Amount, 2) != line.Amount) Line(PaymentProblemKind.AmountDecimals);
            switch (line.Currency)
            {
                case "EUR" when line.CreditorAccount.Kind != BankAccountKind.Iban:
                    Line(PaymentProblemKind.EuroAccount);
                    break;
                case "SEK" when !(line.CreditorAccount.Kind == BankAccountKind.Bankgiro || IsSwedishIban(line.CreditorAccount)):
                    Line(PaymentProblemKind.KronorAccount);
                    break;
                case "EUR" or "SEK":
                    break;
                default:
                    Line(PaymentProblemKind.Currency);
                    break;
            }
            if (PaymentText.Clean(line.CreditorName, PaymentText.NameLength).Length == 0) Line(PaymentProblemKind.CreditorName);
            if (PaymentText.NormaliseBic(line.CreditorBic) is { } creditorBic && !PaymentText.IsValidBic(creditorBic))
                Line(PaymentProblemKind.CreditorBic);
            if (PaymentText.NormaliseOrganisationNumber(line.CreditorOrganisationNumber) is { } creditorNumber
                && !PaymentText.IsValidOrganisationNumber(creditorNumber))
                Line(PaymentProblemKind.CreditorOrganisationNumber);
        }
        return problems;
    }

    private static bool IsSwedishIban(BankAccount account) =>
        account.Kind == BankAccountKind.Iban && account.Number.StartsWith("SE", StringComparison.Ordinal);
}
