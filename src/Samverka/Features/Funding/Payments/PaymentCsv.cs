using System.Text;

namespace Samverka.Features.Funding.Payments;

/// The lines of a payment order as CSV for people: UTF-8 with a byte-order mark (so Excel reads å, ä and ö),
/// comma-separated like the register's export (RFC 4180 quoting), a header row of localised labels, then one row per
/// payment in the order's order, the account written as people write it (`BankAccount.Display`) and the amount with
/// two decimals and a decimal point. Written whatever the order's problems, so a list can be checked before the file.
public static class PaymentCsv
{
    /// The header labels' keys, in column order.
    public static readonly IReadOnlyList<string> Columns =
    [
        "Funding.Payment.Csv.Reference", "Funding.Payment.Csv.ExecutionDate", "Funding.Payment.Csv.Creditor",
        "Funding.Payment.Csv.OrganisationNumber", "Funding.Payment.Csv.AccountKind", "Funding.Payment.Csv.Account",
        "Funding.Payment.Csv.Bic", "Funding.Payment.Csv.Amount", "Funding.Payment.Csv.Currency", "Funding.Payment.Csv.Message",
    ];

    /// The suggested name of the file for an order.
    public static string FileName(PaymentOrder order) => Path.ChangeExtension(Pain001Writer.FileName(order), ".csv").Replace("pain001-", "payments-");

    /// Writes the rows to the stream, which stays open; `L` is the shared localizer (labels in the request's culture).
    public static async Task WriteAsync(PaymentOrder order, Stream stream, IStringLocalizer L, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16384, leaveOpen: true);
        await writer.WriteAsync(Line(Columns.Select(key => L[key].Value)).AsMemory(), ct);
        foreach (var line in order.Lines)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteAsync(Line(Row(order, line, L)).AsMemory(), ct);
        }
        await writer.FlushAsync(ct);
    }

    private static IEnumerable<string> Row(PaymentOrder order, PaymentLine line, IStringLocalizer L) =>
    [
        line.EndToEndId,
        order.ExecutionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PaymentText.Clean(line.CreditorName, PaymentText.NameLength),
        PaymentText.NormaliseOrganisationNumber(line.CreditorOrganisationNumber) ?? "",
        line.CreditorAccount.Kind == BankAccountKind.Iban ? L["Funding.Payment.Kind.Iban"].Value : L["Funding.Payment.Kind.Bankgiro"].Value,
        line.CreditorAccount.Display,
        PaymentText.NormaliseBic(line.CreditorBic) ?? "",
        PaymentText.Amount(line.Amount),
        line.Currency,
        PaymentText.Clean(line.RemittanceText, PaymentText.RemittanceLength),
    ];

    /// One CSV record with its line end.
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    /// A field quoted when it holds a comma, quote or line break; text a spreadsheet would take for a formula
    /// (starting with = + - @ or a tab) gets a leading apostrophe, since the names come from the organisations.
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
