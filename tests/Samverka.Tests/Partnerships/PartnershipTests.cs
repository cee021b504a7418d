using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Needs;
using Samverka.Features.Partnerships;
using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Partnerships.Running;
using Samverka.Features.Register;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Partnerships;

/// Partnerships end to end through the pages and the API: starting one from a need, the workflow's structured
/// parts, the agreement's versions and approvals, confidentiality, health signals, reminders and who may see and
/// change what.
public abstract class PartnershipTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;
    private const string IopTitle = "Kompisar i Borlänge – IOP om inkludering";
    private const string GrantTitle = "Skolutbildning om psykisk hälsa – Tjejjouren Dalia";

    private Guid Demo(string title) => App.With(db => db.Partnerships().Single(p => p.Title == title).Id);

    /// Borlänge's officer starts an IOP with Tjejjouren Dalia from the mental-health need; returns its id.
    private async Task<(HttpClient Officer, Guid Id)> StartFromNeedAsync(string title)
    {
        var officer = App.Browser();
        await officer.SignInAsync("handlaggare@borlange.example");
        var (need, dalia, borlange) = App.With(db => (
            db.Needs().Single(n => n.Title == "Stöd för ungas psykiska hälsa").Id,
            db.Organisations().Single(o => o.Name == "Tjejjouren Dalia").Id,
            db.Tenants.Single(t => t.Code == "2081").Id));
        var page = $"/partnerships/new?need={need}&organisation={dalia}";
        Assert.Contains("Stöd för ungas psykiska hälsa", await officer.HtmlAsync(page));
        var created = await officer.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.OurSide"] = $"t:{borlange}", ["Input.Department"] = "Socialförvaltningen", ["Input.Title"] = title,
            ["Input.Purpose"] = "Fler unga tjejer får stöd tidigt av någon de litar på.", ["Input.Form"] = "Iop", ["Input.MyRole"] = "Kontaktperson",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = App.With(db => db.Partnerships().Single(p => p.Title == title).Id);
        Assert.Equal($"/partnerships/{id}/steps/prepare", created.Headers.Location!.OriginalString);
        return (officer, id);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string page, string handler, Dictionary<string, string> fields) =>
        await client.SubmitAsync(page, fields, action: $"{page}?handler={handler}");

    [Fact]
    public async Task The_api_lists_public_summaries_with_the_demo_examples()
    {
        var anonymous = App.Browser();
        using var list = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/partnerships?municipality=2081&pageSize=100"));
        var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
        var iop = items.Single(i => i.GetProperty("title").GetString() == IopTitle);
        Assert.Equal("iop", iop.GetProperty("form").GetString());
        Assert.Equal("active", iop.GetProperty("status").GetString());
        Assert.Contains(iop.GetProperty("parties").EnumerateArray(), p => p.GetProperty("name").GetString() == "Kompis Sverige" && p.GetProperty("kind").GetString() == "organisation");
        var grant = items.Single(i => i.GetProperty("title").GetString() == GrantTitle);
        Assert.Equal("grant", grant.GetProperty("form").GetString());
        Assert.True(grant.GetProperty("period").GetProperty("ends").GetString()!.Length == 10);

        var id = iop.GetProperty("id").GetGuid();
        using var detail = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/v1/partnerships/{id}"));
        Assert.Equal(900000m, detail.RootElement.GetProperty("publicMoney").GetDecimal());
        Assert.Equal(1, detail.RootElement.GetProperty("agreement").GetProperty("version").GetInt32());
        var docx = await anonymous.GetAsync($"/api/v1/partnerships/{id}/agreement.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        // Health signals are the parties' working tool: not public, so a visitor must sign in first.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/partnerships/{id}/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/partnerships/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_member_of_one_party_cannot_see_another_partnerships_private_data_and_another_municipality_cannot_edit()
    {
        var iop = Demo(IopTitle);
        var grant = Demo(GrantTitle);
        var dalia = App.Browser();
        await dalia.SignInAsync("admin@dalia.example");
        // Dalia is a party of the grant: it sees the workflow, the health signals and the follow-up.
        Assert.Contains("id=\"health\"", await dalia.HtmlAsync($"/partnerships/{grant}"));
        Assert.Equal(HttpStatusCode.OK, (await dalia.GetAsync($"/partnerships/{grant}/steps/prepare")).StatusCode);
        using (var health = JsonDocument.Parse(await dalia.GetStringAsync($"/api/v1/partnerships/{grant}/health")))
        {
            var codes = health.RootElement.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToList();
            Assert.Contains("checkin-overdue", codes);
            Assert.Contains("no-conflict-route", codes);
        }
        // …but not of the IOP with Kompis Sverige: public summary only.
        var summary = await dalia.HtmlAsync($"/partnerships/{iop}");
        Assert.Contains(IopTitle, summary);
        Assert.DoesNotContain("id=\"health\"", summary);
        Assert.DoesNotContain("Kontaktpersonerna får besluta", summary);
        foreach (var url in new[] { "steps/prepare", "steps/processes", "follow-up", "agreement", "edit" })
            Assert.Equal(HttpStatusCode.Forbidden, (await dalia.GetAsync($"/partnerships/{iop}/{url}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dalia.GetAsync($"/api/v1/partnerships/{iop}/health")).StatusCode);

        // An officer of Falun may not change Borlänge's partnership, even with a valid token from elsewhere.
        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await falun.GetAsync($"/partnerships/{iop}/steps/processes")).StatusCode);
        var token = Web.Token(await falun.HtmlAsync("/municipalities/2080/stakeholders"));
        var forged = await falun.PostAsync($"/partnerships/{iop}/steps/processes?handler=answers", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["answers[conflict-route]"] = "Falun avgör.", ["rhythm"] = "30",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var edit = await falun.PostAsync($"/partnerships/{iop}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Title"] = "Kapat", ["Input.Purpose"] = "Ett syfte som ingen bett om.", ["Input.Form"] = "Grant", ["Input.Status"] = "Ended",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        var unchanged = App.With(db => (db.Partnerships().Single(p => p.Id == iop).Title,
            db.PartnershipAnswers().Single(a => a.PartnershipId == iop && a.Question == "conflict-route").Text));
        Assert.Equal(IopTitle, unchanged.Title);
        Assert.DoesNotContain("Falun", unchanged.Text);
        // Without signing in, a change leads to the sign-in page.
        Assert.Equal(HttpStatusCode.Redirect, (await App.Browser().GetAsync($"/partnerships/{iop}/edit")).StatusCode);
    }

    [Fact]
    public async Task An_exploring_partnership_is_seen_by_its_parties_only()
    {
        var (officer, id) = await StartFromNeedAsync("Utforskar " + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(PartnershipStatus.Exploring, App.With(db => db.Partnerships().Single(p => p.Id == id).Status));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/partnerships/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/api/v1/partnerships/{id}")).StatusCode);
        var falun = App.Browser();
        await falun.SignInAsync("handlaggare@falun.example");
        Assert.Equal(HttpStatusCode.NotFound, (await falun.GetAsync($"/partnerships/{id}")).StatusCode);
        // Dalia is the other party: its members see it, and it is listed among their partnerships.
        var member = App.Browser();
        await member.SignInAsync("medlem@dalia.example");
        Assert.Contains("id=\"workflow\"", await member.HtmlAsync($"/partnerships/{id}"));
        Assert.Contains($"/partnerships/{id}", await member.HtmlAsync("/partnerships"));
        // The starter became the first named person of Borlänge's side.
        Assert.Contains("Hanna Handläggare", await officer.HtmlAsync($"/partnerships/{id}/steps/prepare"));
    }

    /// The period finishes the continuation step of every agreed form, so it is not marked optional there; only an
    /// informal collaboration, which needs no period, shows it as optional.
    [Fact]
    public async Task The_continuation_step_marks_the_period_as_it_is_needed_to_finish_the_step()
    {
        var (officer, id) = await StartFromNeedAsync("Fortsättning " + Guid.NewGuid().ToString("N")[..6]);
        var page = $"/partnerships/{id}/steps/continuation";
        var html = System.Net.WebUtility.HtmlDecode(await officer.HtmlAsync(page));
        Assert.Contains("<li>Periodens start och slut</li>", html);
        Assert.Matches("<label class=\"label\" for=\"StartsOn\">Perioden börjar</label>", html);
        Assert.Matches("<label class=\"label\" for=\"EndsOn\">Perioden slutar</label>", html);

        await App.WithAsync(async db =>
        {
            var p = await db.Partnerships().SingleAsync(x => x.Id == id);
            p.Form = PartnershipForm.Informal;
            return await db.SaveChangesAsync();
        });
        html = System.Net.WebUtility.HtmlDecode(await officer.HtmlAsync(page));
        Assert.DoesNotContain("<li>Periodens start och slut</li>", html);
        Assert.Contains("<label class=\"label\" for=\"StartsOn\">Perioden börjar <span class=\"optional\">(frivilligt)</span></label>", html);
    }

    [Fact]
    public async Task The_raci_matrix_allows_one_accountable_and_the_health_signal_follows_it()
    {
        var (officer, id) = await StartFromNeedAsync("RACI " + Guid.NewGuid().ToString("N")[..6]);
        var roles = $"/partnerships/{id}/steps/roles";
        var bad = await Post(officer, roles, "addactivity", new() { ["Activity.Title"] = "", ["Activity.StartsOn"] = "2027-02-01", ["Activity.EndsOn"] = "2027-01-01" });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Activity_Title-error", badHtml);
        Assert.Contains("Activity_EndsOn-error", badHtml);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(officer, roles, "addactivity", new() { ["Activity.Title"] = "Samtalsgrupper i skolan", ["Activity.StartsOn"] = "2027-01-10" })).StatusCode);
        var person = App.With(db => db.PartnershipPeople().Single(p => p.PartnershipId == id).Id);
        var activity = App.With(db => db.PartnershipActivities().Single(a => a.PartnershipId == id).Id);
        await Post(officer, $"/partnerships/{id}/steps/prepare", "addperson", new()
        {
            ["Person.PartyId"] = App.With(db => db.PartnershipParties().Single(p => p.PartnershipId == id && p.OrganisationId != null).Id.ToString()),
            ["Person.Name"] = "Dana Dalia", ["Person.Role"] = "Ordförande", ["Person.Email"] = "admin@dalia.example",
        });
        var dana = App.With(db => db.PartnershipPeople().Single(p => p.PartnershipId == id && p.Name == "Dana Dalia").Id);

        async Task<List<string?>> Signals()
        {
            using var health = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/partnerships/{id}/health"));
            return health.RootElement.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToList();
        }
        Assert.Contains("no-accountable", await Signals());

        // Two accountable people on one activity are refused, and nothing is saved.
        var two = await Post(officer, roles, "raci", new() { [$"raci[{activity}:{person}]"] = "Accountable", [$"raci[{activity}:{dana}]"] = "Accountable" });
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Contains("kan bara ha en ansvarig", await two.Content.ReadAsStringAsync());
        Assert.False(App.With(db => db.PartnershipRaci().Any(r => r.ActivityId == activity)));

        var one = await Post(officer, roles, "raci", new() { [$"raci[{activity}:{person}]"] = "Accountable", [$"raci[{activity}:{dana}]"] = "Responsible" });
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.DoesNotContain("no-accountable", await Signals());
        var after = await officer.HtmlAsync(roles);
        Assert.DoesNotContain("Exakt en ansvarig (A) för varje aktivitet", after);
        Assert.Contains("Organisation: hur leds och samordnas arbetet?", after); // the one question still to answer

        // Removing the activity asks first, then takes its RACI cells with it.
        var confirm = await officer.HtmlAsync($"{roles}?remove=activity&item={activity}");
        Assert.Contains("Vill du ta bort ”Samtalsgrupper i skolan”?", confirm);
        var removed = await officer.SubmitAsync($"{roles}?remove=activity&item={activity}", new Dictionary<string, string>(),
            action: $"{roles}?handler=remove&remove=activity&item={activity}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(App.With(db => db.PartnershipActivities().Any(a => a.Id == activity) || db.PartnershipRaci().Any(r => r.ActivityId == activity)));
    }

    [Fact]
    public async Task An_officer_marks_fields_confidential_with_a_reason_and_the_public_sees_the_reason()
    {
        var grant = Demo(GrantTitle);
        var officer = App.Browser();
        await officer.SignInAsync("samordnare@borlange.example");
        var settings = $"/partnerships/{grant}/edit";
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = GrantTitle, ["Input.Purpose"] = App.With(db => db.Partnerships().Single(p => p.Id == grant).Purpose),
            ["Input.Form"] = "Grant", ["Input.Status"] = "Active", ["Input.PublicMoney"] = "150000",
            ["Input.Ladder[0]"] = "3", ["Input.Ladder[1]"] = "2", ["Input.Ladder[2]"] = "3", ["Input.Ladder[3]"] = "1", ["Input.Ladder[4]"] = "2",
            ["Input.Confidential"] = "agreement",
        };
        var noReason = await officer.SubmitAsync(settings, fields);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Input_ConfidentialReason-error", await noReason.Content.ReadAsStringAsync());

        fields["Input.ConfidentialReason"] = "Innehåller uppgifter om enskilda skolor.";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(settings, fields)).StatusCode);
        try
        {
            var anonymous = App.Browser();
            using var detail = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/v1/partnerships/{grant}"));
            Assert.Equal("agreement", detail.RootElement.GetProperty("confidential")[0].GetString());
            Assert.Equal("Innehåller uppgifter om enskilda skolor.", detail.RootElement.GetProperty("confidentialReason").GetString());
            Assert.Equal(JsonValueKind.Null, detail.RootElement.GetProperty("agreement").ValueKind);
            Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync($"/api/v1/partnerships/{grant}/agreement.docx")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync($"/api/v1/partnerships/{grant}/agreement.pdf")).StatusCode);
            Assert.Contains("Innehåller uppgifter om enskilda skolor.", await anonymous.HtmlAsync($"/partnerships/{grant}"));
            // The parties still have it.
            var dalia = App.Browser();
            await dalia.SignInAsync("admin@dalia.example");
            Assert.Equal(HttpStatusCode.OK, (await dalia.GetAsync($"/api/v1/partnerships/{grant}/agreement.docx")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await dalia.GetAsync($"/api/v1/partnerships/{grant}/agreement.pdf")).StatusCode);
            // An organisation cannot lift or set confidentiality: the field is not even offered.
            Assert.DoesNotContain("Input.ConfidentialReason", await dalia.HtmlAsync(settings));
            var tried = new Dictionary<string, string>(fields) { ["Input.Confidential"] = "" };
            tried.Remove("Input.ConfidentialReason");
            Assert.Equal(HttpStatusCode.Redirect, (await dalia.SubmitAsync(settings, tried)).StatusCode);
            Assert.Equal(["agreement"], App.With(db => db.Partnerships().Single(p => p.Id == grant).ConfidentialFields));
        }
        finally
        {
            fields["Input.Confidential"] = "";
            await officer.SubmitAsync(settings, fields);
        }
        Assert.Empty(App.With(db => db.Partnerships().Single(p => p.Id == grant).ConfidentialFields));
    }

    [Fact]
    public async Task The_agreement_is_generated_with_every_heading_and_answer_versioned_and_frozen_when_every_party_approved()
    {
        var (officer, id) = await StartFromNeedAsync("Avtal " + Guid.NewGuid().ToString("N")[..6]);
        const string conflict = "Kontaktpersonerna löser det först; annars avgör socialchefen och jourens ordförande tillsammans.";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(officer, $"/partnerships/{id}/steps/processes", "answers", new()
        {
            ["answers[communication]"] = "Månadsmöte och e-post.", ["answers[short-notice]"] = "Kontaktpersonerna beslutar.",
            ["answers[conflict-route]"] = conflict, ["rhythm"] = "14",
        })).StatusCode);
        await Post(officer, $"/partnerships/{id}/steps/strategies", "addcontribution", new()
        {
            ["Contribution.PartyId"] = App.With(db => db.PartnershipParties().Single(p => p.PartnershipId == id && p.TenantId != null).Id.ToString()),
            ["Contribution.Kind"] = "Money", ["Contribution.Description"] = "Verksamhetsstöd", ["Contribution.Value"] = "200000",
        });

        var agreement = $"/partnerships/{id}/agreement";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(officer, agreement, "generate", [])).StatusCode);
        var v1 = App.With(db => db.AgreementVersions().Single(v => v.PartnershipId == id));
        Assert.Equal(PartnershipStatus.Agreeing, App.With(db => db.Partnerships().Single(p => p.Id == id).Status));

        var bytes = await officer.GetByteArrayAsync($"/partnerships/{id}/agreement/1.docx");
        var headings = Headings(bytes, out var text);
        Assert.Equal(AgreementBuilder.IopHeadings.Length, headings.Count);
        foreach (var h in new[] { "Bakgrund", "Parter", "Gemensamma värderingar", "Kontaktpersoner och ansvariga", "Avgränsningar", "Samverkan", "Ekonomi", "Uppföljning och lärande", "Förlängning, omförhandling och uppsägning" })
            Assert.Contains(h, headings);
        Assert.Contains(conflict, text);
        Assert.Contains("Verksamhetsstöd", text);
        Assert.Contains("var 14:e dag", text);
        Assert.Contains("Inte ifyllt ännu.", text);
        var pdf = await LibreOffice.ConvertToPdfAsync(bytes);
        Assert.True(pdf.Length > 1000);

        // Drafts are not public, and the API has no approved version yet.
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/partnerships/{id}/agreement/1.docx")).StatusCode);
        // The PDF of a draft follows the same rule as its .docx: the parties have it, nobody else.
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/partnerships/{id}/agreement/1.pdf")).StatusCode);
        Assert.Equal("application/pdf", (await officer.GetAsync($"/partnerships/{id}/agreement/1.pdf")).Content.Headers.ContentType!.MediaType);
        // A member who is not an administrator cannot approve for the organisation.
        var member = App.Browser();
        await member.SignInAsync("medlem@dalia.example");
        var daliaParty = App.With(db => db.PartnershipParties().Single(p => p.PartnershipId == id && p.OrganisationId != null).Id);
        var municipalityParty = App.With(db => db.PartnershipParties().Single(p => p.PartnershipId == id && p.TenantId != null).Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(member, agreement, "approve", new() { ["versionId"] = v1.Id.ToString(), ["partyId"] = daliaParty.ToString() })).StatusCode);
        // The officer cannot approve for Dalia either, only for Borlänge.
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(officer, agreement, "approve", new() { ["versionId"] = v1.Id.ToString(), ["partyId"] = daliaParty.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(officer, agreement, "approve", new() { ["versionId"] = v1.Id.ToString(), ["partyId"] = municipalityParty.ToString() })).StatusCode);
        Assert.Null(App.With(db => db.AgreementVersions().Single(v => v.Id == v1.Id).FrozenAt));

        var admin = App.Browser();
        await admin.SignInAsync("admin@dalia.example");
        Assert.Equal(HttpStatusCode.Redirect, (await Post(admin, agreement, "approve", new() { ["versionId"] = v1.Id.ToString(), ["partyId"] = daliaParty.ToString() })).StatusCode);
        Assert.NotNull(App.With(db => db.AgreementVersions().Single(v => v.Id == v1.Id).FrozenAt));
        Assert.Equal(PartnershipStatus.Active, App.With(db => db.Partnerships().Single(p => p.Id == id).Status));
        var approvals = App.With(db => db.AgreementApprovals().Where(a => a.VersionId == v1.Id).Select(a => a.ApprovedBy).ToList());
        Assert.Equal(["Dana Dalia", "Hanna Handläggare"], approvals.Order().ToArray());

        // A new version leaves the approved one frozen and in force.
        await Post(officer, agreement, "generate", []);
        var frozen = await App.Browser().GetByteArrayAsync($"/api/v1/partnerships/{id}/agreement.docx");
        Headings(frozen, out var frozenText);
        Assert.Contains("version 1", frozenText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, App.With(db => db.AgreementVersions().Count(v => v.PartnershipId == id)));
        // Approving the old version again is refused as not the newest.
        await Post(admin, agreement, "approve", new() { ["versionId"] = v1.Id.ToString(), ["partyId"] = daliaParty.ToString() });
        Assert.Equal(2, App.With(db => db.AgreementApprovals().Count(a => a.VersionId == v1.Id)));
    }

    /// The municipality's money contributions are public money: the overview, the API and the agreement say so
    /// instead of "none stated" beside a listed contribution.
    [Fact]
    public async Task Public_money_follows_from_the_municipalitys_money_contributions()
    {
        var (officer, id) = await StartFromNeedAsync("Offentliga medel " + Guid.NewGuid().ToString("N")[..6]);
        var municipality = App.With(db => db.PartnershipParties().Single(p => p.PartnershipId == id && p.TenantId != null).Id);
        var organisation = App.With(db => db.PartnershipParties().Single(p => p.PartnershipId == id && p.OrganisationId != null).Id);
        foreach (var (party, kind, value) in new[] { (municipality, "Money", "400000"), (municipality, "Premises", "50000"), (organisation, "Money", "20000") })
            Assert.Equal(HttpStatusCode.Redirect, (await Post(officer, $"/partnerships/{id}/steps/strategies", "addcontribution", new()
            {
                ["Contribution.PartyId"] = party.ToString(), ["Contribution.Kind"] = kind,
                ["Contribution.Description"] = "Bidrag " + kind, ["Contribution.Value"] = value,
            })).StatusCode);
        static string Plain(string s) => System.Net.WebUtility.HtmlDecode(s).Replace('\u00a0', ' ').Replace('\u202f', ' ');

        var overview = Plain(await officer.HtmlAsync($"/partnerships/{id}"));
        Assert.Matches("<dt>Offentliga medel</dt>\\s*<dd>400 000 kr", overview);
        Assert.DoesNotContain("Inga angivna", overview);

        Assert.Equal(HttpStatusCode.Redirect, (await Post(officer, $"/partnerships/{id}/agreement", "generate", [])).StatusCode);
        Headings(await officer.GetByteArrayAsync($"/partnerships/{id}/agreement/1.docx"), out var text);
        Assert.Contains("Offentliga medel under perioden: 400 000 kr", Plain(text));
        Assert.DoesNotContain("Inga offentliga medel", text);
    }

    /// The agreement's tables are sized to their content, so no cell breaks a word ("Verksamhetsbidra g"): every
    /// column is at least as wide as its longest word in the body font, with the cell's margins.
    [Fact]
    public async Task The_agreements_tables_keep_every_word_whole_and_the_file_name_whole_words()
    {
        var response = await App.Browser().GetAsync($"/api/v1/partnerships/{Demo(GrantTitle)}/agreement.docx");
        Assert.Equal("agreement-skolutbildning-om-psykisk-halsa-tjejjouren-dalia-v1.docx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var measure = Samverka.Platform.Documents.DocumentFonts.Measure(11);
        var tables = doc.MainDocumentPart!.Document.Body!.Descendants<Table>().ToList();
        Assert.NotEmpty(tables);
        Assert.Contains(tables, t => t.InnerText.Contains("Verksamhetsbidrag"));
        foreach (var table in tables)
        {
            var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!)).ToList();
            foreach (var row in table.Elements<TableRow>())
                foreach (var (cell, c) in row.Elements<TableCell>().Select((cell, c) => (cell, c)))
                {
                    var bold = row.TableRowProperties?.GetFirstChild<TableHeader>() is not null;
                    foreach (var word in cell.InnerText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        Assert.True(20 * measure(word, bold) + 2 * 108 <= grid[c] + 1, $"'{word}' does not fit its column ({grid[c]} twips of {string.Join(", ", grid)})");
                }
        }
    }

    [Fact]
    public async Task A_grant_agreement_uses_the_halland_list()
    {
        var bytes = await App.Browser().GetByteArrayAsync($"/api/v1/partnerships/{Demo(GrantTitle)}/agreement.docx");
        var headings = Headings(bytes, out var text);
        Assert.Equal(["Problembild", "Målbild", "Lösning", "Metod", "Aktiviteter", "Organisation, roller och ansvar", "Kvalitetskrav", "Rapportering", "Möjlig fortsättning"], headings.ToArray());
        Assert.Contains("Två lektioner per klass i årskurs 8.", text);
    }

    [Fact]
    public async Task Reminders_go_once_for_due_check_ins_actions_and_renewal_talks()
    {
        var (officer, id) = await StartFromNeedAsync("Påminn " + Guid.NewGuid().ToString("N")[..6]);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var owner = Web.UniqueEmail("owner");
        var everyone = Web.UniqueEmail("all");
        await App.WithAsync(async db =>
        {
            var p = await db.Partnerships().SingleAsync(x => x.Id == id);
            p.Status = PartnershipStatus.Active;
            p.StartsOn = today.AddDays(-40);
            p.EndsOn = today.AddMonths(3);
            p.CheckInEveryDays = 30;
            p.RenewalMonthsBefore = 6;
            var party = await db.PartnershipParties().FirstAsync(x => x.PartnershipId == id);
            var person = new PartnershipPerson { PartnershipId = id, PartyId = party.Id, Name = "Olle Ägare", Email = owner };
            db.PartnershipPeople().AddRange(person, new PartnershipPerson { PartnershipId = id, PartyId = party.Id, Name = "Alla Andersson", Email = everyone });
            db.FollowUpActions().Add(new FollowUpAction { PartnershipId = id, Text = "Boka lokal", OwnerPersonId = person.Id, DueOn = today.AddDays(1), CreatedAt = DateTime.UtcNow });
            db.FollowUpActions().Add(new FollowUpAction { PartnershipId = id, Text = "Långt bort", OwnerPersonId = person.Id, DueOn = today.AddDays(30), CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        using (var scope = App.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<Reminders>().RunAsync(today, default) >= 7);
        var title = App.With(db => db.Partnerships().Single(p => p.Id == id).Title);
        await App.WaitForMailAsync(everyone, m => m.Subject.Contains("Dags att stämma av") && m.Subject.Contains(title));
        await App.WaitForMailAsync(everyone, m => m.Subject.Contains("Dags att prata förnyelse") && m.Subject.Contains(title));
        var action = await App.WaitForMailAsync(owner, m => m.Subject.Contains("Åtgärd att göra klart"));
        Assert.Contains("Boka lokal", action.TextBody);
        Assert.DoesNotContain("Långt bort", action.TextBody);

        // A second run the same day has nothing new to say about this partnership.
        var sentBefore = App.With(db => (db.Partnerships().Single(p => p.Id == id).CheckInReminderSentOn, db.Partnerships().Single(p => p.Id == id).RenewalReminderSentOn));
        Assert.Equal((today, today), sentBefore);
        using (var scope = App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Reminders>().RunAsync(today, default);
        // Whatever the second run queued is sent before counting: wait until no mail job is due or being sent.
        await App.WaitForMailQueueAsync();
        var mails = Directory.GetFiles(App.PickupFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Count(m => m.To.Mailboxes.Any(x => x.Address == everyone || x.Address == owner));
        Assert.Equal(5, mails); // to each: check-in and renewal; to the owner also the action
    }

    /// The Heading1 paragraphs of a .docx, and all its text.
    internal static List<string> Headings(byte[] docx, out string text)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
        return body.Descendants<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText).ToList();
    }
}

[Collection(SqliteCollection.Name)] public sealed class PartnershipTestsOnSqlite(SqliteApp fx) : PartnershipTests(fx);
[Collection(PostgresCollection.Name)] public sealed class PartnershipTestsOnPostgres(PostgresApp fx) : PartnershipTests(fx);
