namespace Samverka.Features.Funding.Payments;

/// One payment file as the finance system receives it: who sends it (the initiator, usually the municipality), the
/// account the money leaves (the debtor), the day it should be paid, and one line per payment. Plain data: pages build
/// it from grant instalments, `Validate` says what is wrong, and `Pain001Writer` and `PaymentCsv` write it.
public sealed record PaymentOrder(
    string MessageId,
    DateTime CreatedAtUtc,
    string InitiatorName,
    string? InitiatorOrganisationNumber,
    string DebtorName,
    BankAccount DebtorAccount,
    string? DebtorBic,
    DateOnly ExecutionDate,
    IReadOnlyList<PaymentLine> Lines)
{
    /// Every problem of the order and its lines, in order; empty when the files can be written.
    public IReadOnlyList<PaymentProblem> Validate() => PaymentRules.Validate(this);

    /// The sum of all amounts, whatever their currency: the control sum of the file's group header.
    public decimal ControlSum => Lines.Sum(l => l.Amount);
}

/// One payment to one recipient. `EndToEndId` follows the money to the recipient's bank statement (at most 35
/// characters); `RemittanceText` is the message the recipient sees (cut to 140 characters).
public sealed record PaymentLine(
    string EndToEndId,
    decimal Amount,
    string Currency,
    string CreditorName,
    BankAccount CreditorAccount,
    string? CreditorBic,
    string RemittanceText,
    string? CreditorOrganisationNumber);

/// What can be wrong with a payment order; each has a localised message "Funding.Payment.Problem.{kind}".
public enum PaymentProblemKind
{
    NoLines,
    MessageId,
    InitiatorName,
    InitiatorOrganisationNumber,
    DebtorName,
    DebtorBic,
    DebtorAccountForEuro,
    EndToEndId,
    EndToEndIdDuplicate,
    Amount,
    AmountDecimals,
    Currency,
    EuroAccount,
    KronorAccount,
    CreditorName,
    CreditorBic,
    CreditorOrganisationNumber,
}

/// A problem found by `PaymentOrder.Validate`: `Line` is the zero-based index into `Lines`, or null when the problem
/// is the order's own (its id, the initiator, the debtor).
public sealed record PaymentProblem(int? Line, PaymentProblemKind Kind)
{
    public string Key => "Funding.Payment.Problem." + Kind;
}

/// Thrown when a writer is handed an order that does not validate; pages validate first and show the problems.
public sealed class InvalidPaymentOrderException(IReadOnlyList<PaymentProblem> problems)
    : InvalidOperationException("The payment order has problems: " + string.Join(", ", problems.Select(p => p.Line is { } i ? $"line {i}: {p.Kind}" : p.Kind.ToString())))
{
    public IReadOnlyList<PaymentProblem> Problems { get; } = problems;
}
