using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Samverka.Features.Funding;
using Samverka.Features.Funding.Payments;
using Samverka.Platform.Localization;

namespace Samverka.Tests.Funding;

/// The payment file (ISO 20022 pain.001.001.03) validates against the official schema read from ../shared/iso20022,
/// its counts and control sums add up, euro goes as SEPA to IBANs and kronor to bankgiro numbers with scheme BGNR;
/// the order's rules report every problem; the CSV is for people.
public sealed class PaymentFileTests
{
    private static readonly XNamespace Ns = Pain001Writer.Namespace;

    // ---- the schema and the repository ----

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverka.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Samverka.slnx was not found above " + AppContext.BaseDirectory);
    }

    /// shared/iso20022/pain.001.001.03.xsd beside the repository: ../shared from the folder holding Samverka.slnx, or
    /// from a folder further up (a git worktree lies one level deeper than the main checkout).
    private static string SchemaPath()
    {
        for (var dir = Directory.GetParent(RepositoryRoot()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "iso20022", "pain.001.001.03.xsd");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("The official pain.001.001.03.xsd was not found: expected shared/iso20022/ beside the repository.");
    }

    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(SchemaPath());
        set.Add(Pain001Writer.Namespace, reader);
        set.Compile();
        return set;
    });

    /// Every error and warning the schema reports; a warning counts too, since an element in the wrong namespace is
    /// only a warning ("no schema information") to a lax validator.
    private static List<string> SchemaProblems(byte[] xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read()) { }
        return problems;
    }

    internal static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Samverka", "Features", "Funding", file)).Root!.Elements("data")
            .ToDictionary(e => e.Attribute("name")!.Value, e => e.Element("value")!.Value);

    // ---- a realistic order ----

    private static BankAccount Account(BankAccountKind kind, string typed)
    {
        Assert.Null(BankAccount.TryParse(kind, typed, out var account));
        return account!;
    }

    private static PaymentLine Line(string id, decimal amount, string currency, BankAccount account, string name = "Förening", string? bic = null) =>
        new(id, amount, currency, name, account, bic, "Bidrag " + id, null);

    /// Two euro payments (Latvia, Germany), two in kronor to bankgiro numbers and one in kronor to a Swedish IBAN.
    private static PaymentOrder Order(BankAccount? debtor = null, IReadOnlyList<PaymentLine>? lines = null) => new(
        MessageId: "BORLANGE-2026-0042",
        CreatedAtUtc: new DateTime(2026, 12, 2, 17, 30, 0, DateTimeKind.Utc),
        InitiatorName: "Borlänge kommun",
        InitiatorOrganisationNumber: "212000-2080",
        DebtorName: "Borlänge kommun",
        DebtorAccount: debtor ?? Account(BankAccountKind.Iban, "SE45 5000 0000 0583 9825 7466"),
        DebtorBic: "ESSESESS",
        ExecutionDate: new DateOnly(2026, 12, 15),
        Lines: lines ??
        [
            new("G-2026-001-1", 1500.50m, "EUR", "Biedrība Talsu jaunieši", Account(BankAccountKind.Iban, "LV80 BANK 0000 4351 9500 1"), "HABALV22",
                "Projektbidrag 2026, första delbetalningen", "40008012345"),
            new("G-2026-002-1", 250m, "EUR", "Verein für Jugendarbeit e.V.", Account(BankAccountKind.Iban, "DE89 3704 0044 0532 0130 00"), null,
                "Initiative grant", null),
            new("G-2026-003-1", 12000m, "SEK", "Tjejjouren Dalia", Account(BankAccountKind.Bankgiro, "5050-1055"), null,
                "Verksamhetsbidrag 2026", "802012-3456"),
            new("G-2026-004-1", 3750.25m, "SEK", "Föreningen Ängsö, \"Öppen gård\"", Account(BankAccountKind.Bankgiro, "991-2346"), null,
                "Aktivitetsstöd HT 2026", null),
            new("G-2026-005-1", 999.99m, "SEK", "Dala idrottsförening", Account(BankAccountKind.Iban, "SE35 5000 0000 0549 1000 0003"), "ESSESESS",
                "Lokalbidrag", null),
        ]);

    private static async Task<byte[]> Write(PaymentOrder order)
    {
        using var stream = new MemoryStream();
        await Pain001Writer.WriteAsync(order, stream);
        return stream.ToArray();
    }

    private static decimal Number(XElement e) => decimal.Parse(e.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    // ---- the file ----

    [Fact]
    public async Task The_file_validates_against_the_official_schema()
    {
        var xml = await Write(Order());

        Assert.Empty(SchemaProblems(xml));
        // UTF-8 without a byte-order mark, declared as such, in the pain.001.001.03 namespace.
        Assert.NotEqual(0xEF, xml[0]);
        var doc = XDocument.Load(new MemoryStream(xml));
        Assert.Equal(Ns + "Document", doc.Root!.Name);
        Assert.Contains("encoding=\"utf-8\"", Encoding.UTF8.GetString(xml[..60]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Borlänge kommun", Encoding.UTF8.GetString(xml));
    }

    [Fact]
    public async Task A_debtor_paying_from_a_bankgiro_number_validates_too()
    {
        var order = Order(debtor: Account(BankAccountKind.Bankgiro, "902-0900"),
            lines: [Line("A-1", 100m, "SEK", Account(BankAccountKind.Bankgiro, "5050-1055"))]) with { DebtorBic = null, InitiatorOrganisationNumber = null };
        var xml = await Write(order);

        Assert.Empty(SchemaProblems(xml));
        var pmtInf = XDocument.Load(new MemoryStream(xml)).Descendants(Ns + "PmtInf").Single();
        var othr = pmtInf.Element(Ns + "DbtrAcct")!.Element(Ns + "Id")!.Element(Ns + "Othr")!;
        Assert.Equal("9020900", othr.Element(Ns + "Id")!.Value);
        Assert.Equal("BGNR", othr.Element(Ns + "SchmeNm")!.Element(Ns + "Prtry")!.Value);
        // No BIC for the debtor's bank: the schema needs the element, so it says NOTPROVIDED.
        Assert.Equal("NOTPROVIDED", pmtInf.Element(Ns + "DbtrAgt")!.Element(Ns + "FinInstnId")!.Element(Ns + "Othr")!.Element(Ns + "Id")!.Value);
        Assert.Null(XDocument.Load(new MemoryStream(xml)).Descendants(Ns + "InitgPty").Single().Element(Ns + "Id"));
    }

    [Fact]
    public async Task Counts_and_control_sums_add_up_per_file_and_per_group()
    {
        var order = Order();
        var doc = XDocument.Load(new MemoryStream(await Write(order)));
        var header = doc.Descendants(Ns + "GrpHdr").Single();
        var transactions = doc.Descendants(Ns + "CdtTrfTxInf").ToList();

        Assert.Equal(order.Lines.Count.ToString(CultureInfo.InvariantCulture), header.Element(Ns + "NbOfTxs")!.Value);
        Assert.Equal(order.Lines.Count, transactions.Count);
        Assert.Equal(order.Lines.Sum(l => l.Amount), Number(header.Element(Ns + "CtrlSum")!));
        Assert.Equal(transactions.Sum(t => Number(t.Descendants(Ns + "InstdAmt").Single())), Number(header.Element(Ns + "CtrlSum")!));

        // One block per currency and kind of account, each with its own count and sum.
        var expected = order.Lines.GroupBy(l => (l.Currency, l.CreditorAccount.Kind)).ToList();
        var blocks = doc.Descendants(Ns + "PmtInf").ToList();
        Assert.Equal(expected.Count, blocks.Count);
        Assert.Equal(blocks.Count, blocks.Select(b => b.Element(Ns + "PmtInfId")!.Value).Distinct().Count());
        for (var i = 0; i < blocks.Count; i++)
        {
            var txs = blocks[i].Elements(Ns + "CdtTrfTxInf").ToList();
            Assert.Equal(expected[i].Count().ToString(CultureInfo.InvariantCulture), blocks[i].Element(Ns + "NbOfTxs")!.Value);
            Assert.Equal(expected[i].Sum(l => l.Amount), Number(blocks[i].Element(Ns + "CtrlSum")!));
            Assert.Equal(txs.Sum(t => Number(t.Descendants(Ns + "InstdAmt").Single())), Number(blocks[i].Element(Ns + "CtrlSum")!));
            Assert.All(txs, t => Assert.Equal(expected[i].Key.Currency, t.Descendants(Ns + "InstdAmt").Single().Attribute("Ccy")!.Value));
            Assert.Equal(expected[i].Select(l => l.EndToEndId), txs.Select(t => t.Descendants(Ns + "EndToEndId").Single().Value));
            Assert.Equal("TRF", blocks[i].Element(Ns + "PmtMtd")!.Value);
            Assert.Equal("2026-12-15", blocks[i].Element(Ns + "ReqdExctnDt")!.Value);
        }
    }

    [Fact]
    public async Task Euro_goes_as_SEPA_to_an_IBAN_and_kronor_to_a_bankgiro_number_with_scheme_BGNR()
    {
        var doc = XDocument.Load(new MemoryStream(await Write(Order())));
        var blocks = doc.Descendants(Ns + "PmtInf").ToList();
        XElement Block(string currency) => blocks.Single(b => b.Descendants(Ns + "InstdAmt").First().Attribute("Ccy")!.Value == currency
            && (currency == "EUR" || b.Descendants(Ns + "CdtrAcct").First().Descendants(Ns + "IBAN").Any() == false));

        var euro = Block("EUR");
        Assert.Equal("SEPA", euro.Element(Ns + "PmtTpInf")!.Element(Ns + "SvcLvl")!.Element(Ns + "Cd")!.Value);
        Assert.Equal("SLEV", euro.Element(Ns + "ChrgBr")!.Value);
        Assert.Equal(["LV80BANK0000435195001", "DE89370400440532013000"],
            euro.Elements(Ns + "CdtTrfTxInf").Select(t => t.Element(Ns + "CdtrAcct")!.Element(Ns + "Id")!.Element(Ns + "IBAN")!.Value));
        // The creditor's BIC when given; none otherwise (IBAN-only SEPA).
        Assert.Equal(["HABALV22"], euro.Descendants(Ns + "CdtrAgt").Select(a => a.Descendants(Ns + "BIC").Single().Value));
        Assert.Equal("SE4550000000058398257466", euro.Element(Ns + "DbtrAcct")!.Descendants(Ns + "IBAN").Single().Value);
        Assert.Equal("ESSESESS", euro.Element(Ns + "DbtrAgt")!.Descendants(Ns + "BIC").Single().Value);

        var bankgiro = Block("SEK");
        Assert.Null(bankgiro.Element(Ns + "ChrgBr"));
        Assert.Equal("NURG", bankgiro.Element(Ns + "PmtTpInf")!.Element(Ns + "SvcLvl")!.Element(Ns + "Cd")!.Value);
        var accounts = bankgiro.Elements(Ns + "CdtTrfTxInf").Select(t => t.Element(Ns + "CdtrAcct")!.Element(Ns + "Id")!.Element(Ns + "Othr")!).ToList();
        Assert.Equal(["50501055", "9912346"], accounts.Select(o => o.Element(Ns + "Id")!.Value));
        Assert.All(accounts, o => Assert.Equal("BGNR", o.Element(Ns + "SchmeNm")!.Element(Ns + "Prtry")!.Value));

        // The initiator by its organisation number with code BANK; a creditor's by COID, digits only.
        var initiator = doc.Descendants(Ns + "InitgPty").Single().Descendants(Ns + "Othr").Single();
        Assert.Equal("2120002080", initiator.Element(Ns + "Id")!.Value);
        Assert.Equal("BANK", initiator.Descendants(Ns + "Cd").Single().Value);
        var dalia = doc.Descendants(Ns + "Cdtr").Single(c => c.Element(Ns + "Nm")!.Value == "Tjejjouren Dalia");
        Assert.Equal("8020123456", dalia.Descendants(Ns + "Othr").Single().Element(Ns + "Id")!.Value);
        Assert.Equal("COID", dalia.Descendants(Ns + "Cd").Single().Value);
    }

    [Fact]
    public async Task Texts_are_tidied_and_cut_to_the_lengths_banks_take()
    {
        var longName = "Föreningen " + new string('Å', 100);
        var message = "Bidrag\r\n  för\tår 2026 " + new string('x', 200);
        var order = Order(lines: [new("T-1", 10m, "SEK", longName, Account(BankAccountKind.Bankgiro, "5050-1055"), null, message, null),
            new("T-2", 20m, "SEK", "Utan meddelande", Account(BankAccountKind.Bankgiro, "991-2346"), null, "  \n ", null)]);
        var xml = await Write(order);

        Assert.Empty(SchemaProblems(xml));
        var txs = XDocument.Load(new MemoryStream(xml)).Descendants(Ns + "CdtTrfTxInf").ToList();
        var name = txs[0].Element(Ns + "Cdtr")!.Element(Ns + "Nm")!.Value;
        Assert.Equal(70, name.Length);
        Assert.StartsWith("Föreningen ÅÅÅ", name);
        var ustrd = txs[0].Descendants(Ns + "Ustrd").Single().Value;
        Assert.Equal(140, ustrd.Length);
        Assert.StartsWith("Bidrag för år 2026 xxx", ustrd);
        // An empty message leaves RmtInf out rather than writing an empty Ustrd the schema refuses.
        Assert.Null(txs[1].Element(Ns + "RmtInf"));
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public async Task Amounts_use_a_decimal_point_and_two_decimals_whatever_the_culture(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            var order = Order(lines: [Line("C-1", 1234567.5m, "SEK", Account(BankAccountKind.Bankgiro, "5050-1055")),
                Line("C-2", 0.1m, "SEK", Account(BankAccountKind.Bankgiro, "991-2346"))]);
            var doc = XDocument.Load(new MemoryStream(await Write(order)));

            Assert.Equal(["1234567.50", "0.10"], doc.Descendants(Ns + "InstdAmt").Select(a => a.Value));
            Assert.Equal("1234567.60", doc.Descendants(Ns + "GrpHdr").Single().Element(Ns + "CtrlSum")!.Value);
            Assert.Equal("2026-12-02T17:30:00Z", doc.Descendants(Ns + "CreDtTm").Single().Value);
        }
        finally { CultureInfo.CurrentCulture = before; }
    }

    [Fact]
    public async Task An_order_with_problems_is_refused_with_them()
    {
        var order = Order() with { MessageId = "" };
        var error = await Assert.ThrowsAsync<InvalidPaymentOrderException>(() => Write(order));
        Assert.Equal([new PaymentProblem(null, PaymentProblemKind.MessageId)], error.Problems);
    }

    [Theory]
    [InlineData("BORLANGE-2026-0042", 1, "BORLANGE-2026-0042-1")]
    [InlineData("12345678901234567890123456789012345", 3, "123456789012345678901234567890123-3")]
    [InlineData("12345678901234567890123456789012/45", 2, "12345678901234567890123456789012-2")]
    public void Block_ids_stay_within_35_characters(string messageId, int number, string expected)
    {
        var id = Pain001Writer.PaymentInformationId(messageId, number);
        Assert.Equal(expected, id);
        Assert.True(PaymentText.IsValidId(id));
    }

    // ---- the test of the test: the schema check does refuse a broken file ----

    public static TheoryData<string> Breakages => new()
    {
        "MsgId removed", "ReqdExctnDt removed", "NbOfTxs after CtrlSum", "Ccy in lower case", "IBAN with a space",
        "Nm over 140 characters", "wrong namespace", "unknown element",
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task A_broken_file_fails_validation(string breakage)
    {
        var doc = XDocument.Load(new MemoryStream(await Write(Order())));
        var header = doc.Descendants(Ns + "GrpHdr").Single();
        switch (breakage)
        {
            case "MsgId removed": header.Element(Ns + "MsgId")!.Remove(); break;
            case "ReqdExctnDt removed": doc.Descendants(Ns + "ReqdExctnDt").First().Remove(); break;
            case "NbOfTxs after CtrlSum":
                var count = header.Element(Ns + "NbOfTxs")!;
                count.Remove();
                header.Element(Ns + "CtrlSum")!.AddAfterSelf(count);
                break;
            case "Ccy in lower case": doc.Descendants(Ns + "InstdAmt").First().SetAttributeValue("Ccy", "eur"); break;
            case "IBAN with a space": doc.Descendants(Ns + "IBAN").First().Value = "SE45 5000 0000 0583 9825 7466"; break;
            case "Nm over 140 characters": doc.Descendants(Ns + "Nm").First().Value = new string('n', 141); break;
            case "wrong namespace":
                doc.Root!.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
                foreach (var e in doc.Descendants()) e.Name = XNamespace.Get("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09") + e.Name.LocalName;
                break;
            case "unknown element": header.Add(new XElement(Ns + "Extra", "x")); break;
            default: throw new ArgumentException(breakage);
        }
        using var stream = new MemoryStream();
        doc.Save(stream);

        Assert.NotEmpty(SchemaProblems(stream.ToArray()));
    }

    [Fact]
    public async Task The_unbroken_file_passes_the_same_round_trip()
    {
        // The same load-and-save the breakages go through, without a breakage: the failures above are theirs.
        var doc = XDocument.Load(new MemoryStream(await Write(Order())));
        using var stream = new MemoryStream();
        doc.Save(stream);
        Assert.Empty(SchemaProblems(stream.ToArray()));
    }

    // ---- the rules: every problem, with its line ----

    public static TheoryData<string, string[]> ProblemCases => new()
    {
        { "valid", [] },
        { "amount zero", ["0:Amount"] },
        { "amount negative", ["0:Amount"] },
        { "three decimals", ["0:AmountDecimals"] },
        { "trailing zero decimals", [] },
        { "currency USD", ["0:Currency"] },
        { "currency in lower case", ["0:Currency"] },
        { "euro to a bankgiro number", ["1:EuroAccount"] },
        { "kronor to a German IBAN", ["0:KronorAccount"] },
        { "kronor to a Swedish IBAN", [] },
        { "same end-to-end id twice", ["1:EndToEndIdDuplicate"] },
        { "end-to-end id of 36 characters", ["0:EndToEndId"] },
        { "end-to-end id of 35 characters", [] },
        { "end-to-end id with a space", ["0:EndToEndId"] },
        { "end-to-end id with å", ["0:EndToEndId"] },
        { "end-to-end id starting with /", ["0:EndToEndId"] },
        { "end-to-end id with //", ["0:EndToEndId"] },
        { "end-to-end id empty", ["0:EndToEndId"] },
        { "creditor name blank", ["0:CreditorName"] },
        { "creditor BIC wrong", ["0:CreditorBic"] },
        { "creditor BIC typed in lower case with a space", [] },
        { "creditor organisation number with a slash", ["0:CreditorOrganisationNumber"] },
        { "message id with a space", ["-:MessageId"] },
        { "message id of 36 characters", ["-:MessageId"] },
        { "initiator name blank", ["-:InitiatorName"] },
        { "initiator organisation number too long", ["-:InitiatorOrganisationNumber"] },
        { "debtor name blank", ["-:DebtorName"] },
        { "debtor BIC wrong", ["-:DebtorBic"] },
        { "euro from a bankgiro number", ["-:DebtorAccountForEuro"] },
        { "kronor from a bankgiro number", [] },
        { "no lines", ["-:NoLines"] },
        { "everything at once", ["-:MessageId", "-:DebtorName", "0:Amount", "0:Currency", "0:CreditorName", "1:EndToEndIdDuplicate", "1:AmountDecimals", "1:KronorAccount"] },
    };

    [Theory]
    [MemberData(nameof(ProblemCases))]
    public void Validation_reports_every_problem_with_its_line(string name, string[] expected)
    {
        var iban = Account(BankAccountKind.Iban, "LV80BANK0000435195001");
        var german = Account(BankAccountKind.Iban, "DE89370400440532013000");
        var swedish = Account(BankAccountKind.Iban, "SE3550000000054910000003");
        var bankgiro = Account(BankAccountKind.Bankgiro, "5050-1055");
        var euro = Line("E-1", 100m, "EUR", iban);
        var kronor = Line("K-1", 100m, "SEK", bankgiro);
        var order = Order(lines: [euro, kronor]);
        PaymentOrder First(PaymentLine line) => order with { Lines = [line, kronor] };

        order = name switch
        {
            "valid" => order,
            "amount zero" => First(euro with { Amount = 0m }),
            "amount negative" => First(euro with { Amount = -5m }),
            "three decimals" => First(euro with { Amount = 10.005m }),
            "trailing zero decimals" => First(euro with { Amount = 10.100m }),
            "currency USD" => First(euro with { Currency = "USD" }),
            "currency in lower case" => First(euro with { Currency = "eur" }),
            "euro to a bankgiro number" => order with { Lines = [euro, kronor with { Currency = "EUR" }] },
            "kronor to a German IBAN" => First(kronor with { EndToEndId = "K-0", CreditorAccount = german }),
            "kronor to a Swedish IBAN" => First(kronor with { EndToEndId = "K-0", CreditorAccount = swedish }),
            "same end-to-end id twice" => order with { Lines = [euro, kronor with { EndToEndId = "E-1" }] },
            "end-to-end id of 36 characters" => First(euro with { EndToEndId = new string('a', 36) }),
            "end-to-end id of 35 characters" => First(euro with { EndToEndId = "A-Za-z0-9/-?:().,'+" + new string('9', 16) }),
            "end-to-end id with a space" => First(euro with { EndToEndId = "E 1" }),
            "end-to-end id with å" => First(euro with { EndToEndId = "Gåva-1" }),
            "end-to-end id starting with /" => First(euro with { EndToEndId = "/E-1" }),
            "end-to-end id with //" => First(euro with { EndToEndId = "E//1" }),
            "end-to-end id empty" => First(euro with { EndToEndId = "" }),
            "creditor name blank" => First(euro with { CreditorName = " \t " }),
            "creditor BIC wrong" => First(euro with { CreditorBic = "HABA LV" }),
            "creditor BIC typed in lower case with a space" => First(euro with { CreditorBic = "haba lv22" }),
            "creditor organisation number with a slash" => First(euro with { CreditorOrganisationNumber = "40008/012345" }),
            "message id with a space" => order with { MessageId = "BORLANGE 2026" },
            "message id of 36 characters" => order with { MessageId = new string('M', 36) },
            "initiator name blank" => order with { InitiatorName = "" },
            "initiator organisation number too long" => order with { InitiatorOrganisationNumber = new string('1', 36) },
            "debtor name blank" => order with { DebtorName = "\n" },
            "debtor BIC wrong" => order with { DebtorBic = "ESSESES" },
            "euro from a bankgiro number" => order with { DebtorAccount = Account(BankAccountKind.Bankgiro, "902-0900") },
            "kronor from a bankgiro number" => order with { DebtorAccount = Account(BankAccountKind.Bankgiro, "902-0900"), Lines = [kronor] },
            "no lines" => order with { Lines = [] },
            "everything at once" => order with
            {
                MessageId = "", DebtorName = "",
                Lines = [euro with { Amount = 0m, Currency = "NOK", CreditorName = "" }, kronor with { EndToEndId = "E-1", Amount = 1.234m, CreditorAccount = german }],
            },
            _ => throw new ArgumentException(name),
        };

        var found = order.Validate().Select(p => $"{(p.Line is { } i ? i.ToString(CultureInfo.InvariantCulture) : "-")}:{p.Kind}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_problem_and_label_has_a_Swedish_and_an_English_text()
    {
        var sv = Strings("FundingStrings.resx");
        var en = Strings("FundingStrings.en.resx");
        var keys = Enum.GetValues<PaymentProblemKind>().Select(k => new PaymentProblem(0, k).Key)
            .Concat(PaymentCsv.Columns).Concat(["Funding.Payment.Kind.Iban", "Funding.Payment.Kind.Bankgiro"]).ToList();
        Assert.Empty(keys.Where(k => !sv.ContainsKey(k)));
        Assert.Empty(keys.Where(k => !en.ContainsKey(k)));
    }

    // ---- the CSV for people ----

    private static async Task<(byte[] Bytes, string[] Lines)> Csv(PaymentOrder order, string uiCulture)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(uiCulture);
            using var stream = new MemoryStream();
            await PaymentCsv.WriteAsync(order, stream, new FeatureStringLocalizer([typeof(FundingStrings)]));
            var bytes = stream.ToArray();
            var text = new UTF8Encoding(false).GetString(bytes[3..]);
            Assert.EndsWith("\r\n", text);
            return (bytes, text[..^2].Split("\r\n"));
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public async Task The_csv_starts_with_a_byte_order_mark_and_has_one_row_per_payment()
    {
        var order = Order();
        var (bytes, lines) = await Csv(order, "sv-SE");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("Referens,Betaldag,Mottagare,Organisationsnummer,Kontoslag,Konto,BIC,Belopp,Valuta,Meddelande", lines[0]);
        Assert.Equal(order.Lines.Count + 1, lines.Length);
        Assert.Equal("G-2026-003-1,2026-12-15,Tjejjouren Dalia,8020123456,Bankgiro,5050-1055,,12000.00,SEK,Verksamhetsbidrag 2026", lines[3]);
        // A name with a comma and quotes is quoted, quotes doubled; å, ä and ö come through.
        Assert.Equal("G-2026-004-1,2026-12-15,\"Föreningen Ängsö, \"\"Öppen gård\"\"\",,Bankgiro,991-2346,,3750.25,SEK,Aktivitetsstöd HT 2026", lines[4]);
        Assert.StartsWith("G-2026-001-1,2026-12-15,Biedrība Talsu jaunieši,40008012345,IBAN,LV80 BANK 0000 4351 9500 1,HABALV22,1500.50,EUR,", lines[1]);
    }

    [Fact]
    public async Task The_csv_headers_follow_the_language()
    {
        var (_, lines) = await Csv(Order(), "en");
        Assert.Equal("Reference,Payment date,Recipient,Organisation number,Account type,Account,BIC,Amount,Currency,Message", lines[0]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+46 förening", "'+46 förening")]
    [InlineData("@sum", "'@sum")]
    [InlineData("-1", "'-1")]
    [InlineData("Vanligt namn", "Vanligt namn")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("", "")]
    public void A_csv_field_is_quoted_and_never_read_as_a_formula(string value, string written)
    {
        Assert.Equal(written, PaymentCsv.Field(value));
    }
}
