using System.Text;
using System.Xml;

namespace Samverka.Features.Funding.Payments;

/// Writes a payment order as an ISO 20022 pain.001.001.03 customer credit transfer initiation, streamed with an
/// XmlWriter (UTF-8, asynchronous, so it can go straight to a response body). One payment information block (PmtInf)
/// per currency and kind of recipient account:
/// - euro: SEPA credit transfer (service level SEPA, charges SLEV) to an IBAN;
/// - kronor to a bankgiro number, as the Swedish banks' common interpretation of ISO 20022 describes: the number as
///   the creditor account's Othr/Id with the proprietary scheme BGNR, service level NURG;
/// - kronor to a Swedish IBAN: service level NURG, the account as IBAN.
/// Element order and lengths follow pain.001.001.03.xsd; the tests validate what it writes against that schema.
public static class Pain001Writer
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

    /// The proprietary account scheme for a Swedish bankgiro number.
    public const string BankgiroScheme = "BGNR";

    /// The suggested name of the file for an order.
    public static string FileName(PaymentOrder order) =>
        "pain001-" + string.Concat(order.MessageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-')) + ".xml";

    /// Writes the order to the stream, which stays open. Throws `InvalidPaymentOrderException` when the order does
    /// not validate: pages call `PaymentOrder.Validate` first and show the problems.
    public static async Task WriteAsync(PaymentOrder order, Stream stream, CancellationToken ct = default)
    {
        if (order.Validate() is { Count: > 0 } problems) throw new InvalidPaymentOrderException(problems);

        var settings = new XmlWriterSettings
        {
            Async = true, Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false,
        };
        await using var w = XmlWriter.Create(stream, settings);
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(null, "Document", Namespace);
        await w.WriteStartElementAsync(null, "CstmrCdtTrfInitn", Namespace);

        await Start(w, "GrpHdr");
        await El(w, "MsgId", order.MessageId);
        await El(w, "CreDtTm", DateTime.SpecifyKind(order.CreatedAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture));
        await El(w, "NbOfTxs", order.Lines.Count.ToString(CultureInfo.InvariantCulture));
        await El(w, "CtrlSum", PaymentText.Amount(order.ControlSum));
        await Start(w, "InitgPty");
        await El(w, "Nm", PaymentText.Clean(order.InitiatorName, PaymentText.NameLength));
        if (PaymentText.NormaliseOrganisationNumber(order.InitiatorOrganisationNumber) is { } initiatorNumber)
            // The Swedish banks' guidelines identify the initiating party by the number agreed with the bank
            // (usually its organisation number) with the code BANK (ExternalOrganisationIdentification1Code).
            await OrganisationId(w, initiatorNumber, "BANK");
        await End(w); // InitgPty
        await End(w); // GrpHdr

        var groups = order.Lines.GroupBy(l => (l.Currency, l.CreditorAccount.Kind)).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            ct.ThrowIfCancellationRequested();
            await PaymentInformation(w, order, groups[g].Key.Currency, groups[g].ToList(), g + 1, ct);
        }

        await End(w); // CstmrCdtTrfInitn
        await End(w); // Document
        await w.WriteEndDocumentAsync();
        await w.FlushAsync();
    }

    /// The PmtInfId of the n-th block: the message id (cut so the whole fits 35 characters) and the block's number.
    public static string PaymentInformationId(string messageId, int number)
    {
        var suffix = "-" + number.ToString(CultureInfo.InvariantCulture);
        var head = messageId.Length + suffix.Length > PaymentText.IdLength ? messageId[..(PaymentText.IdLength - suffix.Length)] : messageId;
        return head.TrimEnd('/') + suffix;
    }

    private static async Task PaymentInformation(XmlWriter w, PaymentOrder order, string currency, List<PaymentLine> lines, int number, CancellationToken ct)
    {
        var sepa = currency == "EUR";
        await Start(w, "PmtInf");
        await El(w, "PmtInfId", PaymentInformationId(order.MessageId, number));
        await El(w, "PmtMtd", "TRF");
        await El(w, "NbOfTxs", lines.Count.ToString(CultureInfo.InvariantCulture));
        await El(w, "CtrlSum", PaymentText.Amount(lines.Sum(l => l.Amount)));
        await Start(w, "PmtTpInf");
        await Start(w, "SvcLvl");
        // Euro: the SEPA scheme. Kronor: Swedish giro and account payments are non-urgent (NURG) in the Swedish
        // banks' common interpretation.
        await El(w, "Cd", sepa ? "SEPA" : "NURG");
        await End(w); // SvcLvl
        await End(w); // PmtTpInf
        await El(w, "ReqdExctnDt", order.ExecutionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Start(w, "Dbtr");
        await El(w, "Nm", PaymentText.Clean(order.DebtorName, PaymentText.NameLength));
        await End(w);
        await Account(w, "DbtrAcct", order.DebtorAccount);
        await Agent(w, "DbtrAgt", PaymentText.NormaliseBic(order.DebtorBic), required: true);
        if (sepa) await El(w, "ChrgBr", "SLEV");

        foreach (var line in lines)
        {
            ct.ThrowIfCancellationRequested();
            await Transaction(w, line);
        }
        await End(w); // PmtInf
    }

    private static async Task Transaction(XmlWriter w, PaymentLine line)
    {
        await Start(w, "CdtTrfTxInf");
        await Start(w, "PmtId");
        await El(w, "EndToEndId", line.EndToEndId);
        await End(w);
        await Start(w, "Amt");
        await w.WriteStartElementAsync(null, "InstdAmt", Namespace);
        await w.WriteAttributeStringAsync(null, "Ccy", null, line.Currency);
        await w.WriteStringAsync(PaymentText.Amount(line.Amount));
        await End(w); // InstdAmt
        await End(w); // Amt
        await Agent(w, "CdtrAgt", PaymentText.NormaliseBic(line.CreditorBic), required: false);
        await Start(w, "Cdtr");
        await El(w, "Nm", PaymentText.Clean(line.CreditorName, PaymentText.NameLength));
        if (PaymentText.NormaliseOrganisationNumber(line.CreditorOrganisationNumber) is { } creditorNumber)
            // COID: an organisation identification given by a country's authority (a corporate registration number).
            await OrganisationId(w, creditorNumber, "COID");
        await End(w); // Cdtr
        await Account(w, "CdtrAcct", line.CreditorAccount);
        if (PaymentText.Clean(line.RemittanceText, PaymentText.RemittanceLength) is { Length: > 0 } text)
        {
            await Start(w, "RmtInf");
            await El(w, "Ustrd", text);
            await End(w);
        }
        await End(w); // CdtTrfTxInf
    }

    /// CashAccount16: an IBAN, or a bankgiro number as Othr/Id with the proprietary scheme BGNR.
    private static async Task Account(XmlWriter w, string element, BankAccount account)
    {
        await Start(w, element);
        await Start(w, "Id");
        if (account.Kind == BankAccountKind.Iban)
            await El(w, "IBAN", account.Number);
        else
        {
            await Start(w, "Othr");
            await El(w, "Id", account.Number);
            await Start(w, "SchmeNm");
            await El(w, "Prtry", BankgiroScheme);
            await End(w); // SchmeNm
            await End(w); // Othr
        }
        await End(w); // Id
        await End(w); // element
    }

    /// A bank: its BIC when known; the debtor's bank, which the schema requires, is otherwise "NOTPROVIDED".
    private static async Task Agent(XmlWriter w, string element, string? bic, bool required)
    {
        if (bic is null && !required) return;
        await Start(w, element);
        await Start(w, "FinInstnId");
        if (bic is not null) await El(w, "BIC", bic);
        else
        {
            await Start(w, "Othr");
            await El(w, "Id", "NOTPROVIDED");
            await End(w);
        }
        await End(w); // FinInstnId
        await End(w); // element
    }

    /// Id/OrgId/Othr with its number and scheme code.
    private static async Task OrganisationId(XmlWriter w, string number, string schemeCode)
    {
        await Start(w, "Id");
        await Start(w, "OrgId");
        await Start(w, "Othr");
        await El(w, "Id", number);
        await Start(w, "SchmeNm");
        await El(w, "Cd", schemeCode);
        await End(w); // SchmeNm
        await End(w); // Othr
        await End(w); // OrgId
        await End(w); // Id
    }

    private static Task Start(XmlWriter w, string name) => w.WriteStartElementAsync(null, name, Namespace);

    private static Task End(XmlWriter w) => w.WriteEndElementAsync();

    private static Task El(XmlWriter w, string name, string value) => w.WriteElementStringAsync(null, name, Namespace, value);
}
