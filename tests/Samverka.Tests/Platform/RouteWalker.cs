using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Advisor;
using Samverka.Features.Municipalities;
using Samverka.Features.Municipalities.Calendar;
using Samverka.Features.Municipalities.Profile;
using Samverka.Features.Municipalities.Stakeholders;
using Samverka.Features.Needs;
using Samverka.Features.Partnerships;
using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Partnerships.Running;
using Samverka.Features.Register;
using Samverka.Features.Register.Exchange;
using Samverka.Platform.Data;
using Samverka.Platform.Files;
using Samverka.Platform.Identity;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// Walks every route the running app knows (from its endpoint data source, so a page added tomorrow is walked
/// tomorrow) as people who have no business with the victim — Borlänge (2081), Tjejjouren Dalia and Kompis Sverige —
/// and reports any answer that shows text planted in the victim's private records, and any refused write that
/// changed the database anyway.
public sealed class RouteWalker(SamverkaFactory app)
{
    /// Unseen: planted markers that not even a platform admin is ever shown — a plant in the wrong place, which would
    /// make its absence from outsiders' answers prove nothing. Summary: per route, the answers each method got.
    public sealed record Report(int Routes, int Requests, IReadOnlyList<string> Findings, IReadOnlyList<string> Unseen, IReadOnlyList<string> Summary);

    /// One request the walker will make: its method, address and form, and whether any value in it points at a
    /// record only the victim may see (a draft need, a partnership still being explored…).
    private sealed record Probe(string Route, string Handler, string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Form,
        bool TouchesPrivate, bool IsJson = false);

    private sealed class Attacker(string name, string? email)
    {
        public string Name { get; } = name;
        public string? Email { get; } = email;
        public Dictionary<string, string> Cookies { get; } = [];
        public string Token { get; set; } = "";
        public string CookieHeader => string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The victim: its real demo ids, and private text planted in its records.

    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _markers = [];
    private string Marker(string what)
    {
        var m = $"walksecret-{what}-{_tag}";
        _markers.Add(m);
        return m;
    }

    private string MarkerEmail(string what) => Marker(what) + "@test.example";

    private Guid _borlange, _dalia, _kompis, _kodcentrum;
    private Guid _draftProgramme, _draftCall, _openCall;
    private Guid _draftNeed, _openNeed, _iop, _grant, _exploring, _internalEvent, _stakeholder, _profileEntry;
    private ProfileSection _profileSection;
    private Guid _daliaService, _daliaContact, _daliaMemberRole, _borlangeOfficerRole, _daliaInvitation, _borlangeInvitation;
    private Guid _action, _version, _kompisParty, _goal, _question, _batch, _file, _daliaPerson;
    private string _savedAdvice = "", _advisorQuestion = "", _memberUserId = "";

    public IReadOnlyList<string> Markers => _markers;

    public async Task PlantAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);

        _borlange = (await db.Tenants.SingleAsync(t => t.Code == "2081")).Id;
        _dalia = (await db.Organisations().SingleAsync(o => o.Name == "Tjejjouren Dalia")).Id;
        _kompis = (await db.Organisations().SingleAsync(o => o.Name == "Kompis Sverige")).Id;
        _kodcentrum = (await db.Organisations().SingleAsync(o => o.Name == "Kodcentrum")).Id;
        _openCall = (await db.Set<Samverka.Features.Funding.Calls.GrantCall>().Where(c => c.TenantId == _borlange
            && c.Status == Samverka.Features.Funding.Calls.CallStatus.Published).OrderBy(c => c.Title).FirstAsync()).Id;
        _openNeed = (await db.Needs().Where(n => n.TenantId == _borlange && n.Status == NeedStatus.Open).OrderBy(n => n.Title).FirstAsync()).Id;
        _iop = (await db.Partnerships().SingleAsync(p => p.Form == PartnershipForm.Iop)).Id;
        _grant = (await db.Partnerships().SingleAsync(p => p.Form == PartnershipForm.Grant)).Id;
        _daliaService = (await db.Set<OrganisationService>().FirstAsync(s => s.OrganisationId == _dalia)).Id;
        _daliaContact = (await db.Set<OrganisationContact>().FirstAsync(s => s.OrganisationId == _dalia)).Id;
        _version = (await db.AgreementVersions().FirstAsync(v => v.PartnershipId == _iop)).Id;
        _kompisParty = (await db.PartnershipParties().SingleAsync(p => p.PartnershipId == _iop && p.OrganisationId == _kompis)).Id;
        _goal = (await db.Set<Samverka.Platform.Indicators.IndicatorGoal>().FirstAsync(g => g.OwnerKind == Samverka.Platform.Indicators.IndicatorOwner.Partnership && g.OwnerId == _iop)).Id;
        _daliaPerson = (await db.PartnershipPeople().FirstAsync(p => p.PartnershipId == _grant && p.Email == "admin@dalia.example")).Id;
        var profile = await db.ProfileEntries().FirstAsync(e => e.TenantId == _borlange);
        (_profileEntry, _profileSection) = (profile.Id, profile.Section);
        _advisorQuestion = scope.ServiceProvider.GetRequiredService<AdvisorBook>().Questions[0].Id;

        async Task<AppUser> User(string email)
        {
            var user = new AppUser { UserName = email, Email = email, DisplayName = "Walker " + email[..12], EmailConfirmed = true, CreatedAt = now };
            var result = await users.CreateAsync(user, Web.DemoPassword);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            return user;
        }

        // People: a member of Dalia and an officer of Borlänge whose addresses only their own may see.
        var member = await User(MarkerEmail("dalia-member"));
        _memberUserId = member.Id;
        var officer = await User(MarkerEmail("borlange-officer"));
        var claimant = await User(MarkerEmail("claimant"));
        var memberRole = new RoleAssignment { UserId = member.Id, Role = Role.OrganisationMember, OrganisationId = _dalia, CreatedAt = now };
        var officerRole = new RoleAssignment { UserId = officer.Id, Role = Role.Officer, TenantId = _borlange, CreatedAt = now };
        db.RoleAssignments.AddRange(memberRole, officerRole);
        (_daliaMemberRole, _borlangeOfficerRole) = (memberRole.Id, officerRole.Id);
        var daliaInvite = new Invitation { Email = MarkerEmail("dalia-invitee"), Role = Role.OrganisationMember, OrganisationId = _dalia,
            TokenHash = "walker-dalia-" + _tag, InvitedByUserId = member.Id, CreatedAt = now, ExpiresAt = now.AddDays(7) };
        var borlangeInvite = new Invitation { Email = MarkerEmail("borlange-invitee"), Role = Role.Officer, TenantId = _borlange,
            TokenHash = "walker-borlange-" + _tag, InvitedByUserId = officer.Id, CreatedAt = now, ExpiresAt = now.AddDays(7) };
        db.Invitations.AddRange(daliaInvite, borlangeInvite);
        (_daliaInvitation, _borlangeInvitation) = (daliaInvite.Id, borlangeInvite.Id);

        // Borlänge's own: a draft need, an internal budget date, a stakeholder, an import batch.
        var draft = new Need
        {
            TenantId = _borlange, Title = Marker("draft-need-title"), Problem = Marker("draft-need-problem"), DesiredOutcome = Marker("draft-need-outcome"),
            Areas = ["youth"], Forms = ["grant"], ContactName = "Walker", ContactEmail = MarkerEmail("draft-need-contact"),
            Closes = today.AddDays(60), Status = NeedStatus.Draft, CreatedAt = now, UpdatedAt = now,
        };
        db.Needs().Add(draft);
        _draftNeed = draft.Id;
        // A programme with no published call yet, and a draft call: both Borlänge's staff's only.
        var programme = new Samverka.Features.Funding.Programmes.GrantProgramme { TenantId = _borlange, Title = Marker("draft-programme-title"),
            Purpose = Marker("draft-programme-purpose"), Goals = Marker("draft-programme-goals"), Budget = 1000, CreatedAt = now, UpdatedAt = now };
        db.Add(programme);
        db.Add(new Samverka.Features.Funding.Programmes.ProgrammeQuestion { TenantId = _borlange, ProgrammeId = programme.Id, Order = 1,
            Group = "G", Kind = Samverka.Features.Funding.Programmes.QuestionKind.ShortText, Label = Marker("draft-programme-question") });
        var draftCall = new Samverka.Features.Funding.Calls.GrantCall { TenantId = _borlange, ProgrammeId = programme.Id, Title = Marker("draft-call-title"),
            Description = Marker("draft-call-description"), Pot = 1000, Opens = today, Closes = today.AddDays(30), CreatedAt = now, UpdatedAt = now };
        db.Add(draftCall);
        (_draftProgramme, _draftCall) = (programme.Id, draftCall.Id);
        var internalEvent = new BudgetEvent { TenantId = _borlange, Kind = BudgetEventKind.Other, Date = today.AddDays(40),
            Title = Marker("internal-budget-date"), Body = Marker("internal-budget-body"), IsPublic = false, UpdatedAt = now };
        db.BudgetEvents().Add(internalEvent);
        _internalEvent = internalEvent.Id;
        var stakeholder = new Stakeholder { TenantId = _borlange, Name = Marker("stakeholder"), Role = Marker("stakeholder-role"),
            Note = Marker("stakeholder-note"), UpdatedAt = now };
        db.Stakeholders().Add(stakeholder);
        _stakeholder = stakeholder.Id;
        // A checked import file is never shown again, only confirmed by its uploader: the walker confirms it as others.
        var importBytes = Encoding.UTF8.GetBytes(
            $"name,legal_form,home_municipality,description\r\nWalker import {_tag},NonProfitAssociation,2081,{Marker("import-file")}\r\n");
        var importFile = new StoredFile { OwnerKind = "register-import", FileName = "walker.csv", Kind = FileKind.Text, Size = importBytes.Length,
            UploadedBy = officer.Id, UploadedAt = now };
        db.Add(importFile);
        db.Add(new StoredFileContent { FileId = importFile.Id, Bytes = importBytes });
        _file = importFile.Id;
        var batch = new ImportBatch { UserId = officer.Id, FileName = "walker.csv", Format = "csv", DefaultMunicipality = "2081",
            FileId = importFile.Id, CreatedAt = now };
        db.Set<ImportBatch>().Add(batch);
        _batch = batch.Id;
        db.Set<OrganisationClaim>().Add(new OrganisationClaim { OrganisationId = _kompis, TenantId = _borlange, UserId = claimant.Id,
            Message = Marker("claim-message"), CreatedAt = now });

        // The needs dialogue: a question not yet answered and an organisation's proposal are not public.
        var question = new NeedQuestion { NeedId = _openNeed, TenantId = _borlange, AskedByUserId = member.Id, Text = Marker("unanswered-question"), AskedAt = now };
        db.NeedQuestions().Add(question);
        _question = question.Id;
        db.NeedResponses().Add(new NeedResponse { NeedId = _openNeed, TenantId = _borlange, OrganisationId = _dalia, Kind = default,
            Text = Marker("need-response"), SubmittedByUserId = member.Id, SubmittedAt = now });

        // Partnerships: one still being explored (nobody outside sees it), and the IOP's confidential purpose and its
        // running record.
        var exploring = new Partnership { Title = Marker("exploring-title"), Purpose = Marker("exploring-purpose"), Form = PartnershipForm.Grant,
            Status = PartnershipStatus.Exploring, CreatedAt = now, UpdatedAt = now };
        db.Partnerships().Add(exploring);
        _exploring = exploring.Id;
        db.PartnershipParties().AddRange(
            new PartnershipParty { PartnershipId = exploring.Id, Kind = PartyKind.Municipality, TenantId = _borlange, Name = "Borlänge kommun", JoinedAt = now },
            new PartnershipParty { PartnershipId = exploring.Id, Kind = PartyKind.Organisation, OrganisationId = _dalia, Name = "Tjejjouren Dalia", JoinedAt = now.AddTicks(1) });
        var iop = await db.Partnerships().SingleAsync(p => p.Id == _iop);
        iop.Purpose = Marker("confidential-purpose");
        iop.ConfidentialFields = [ConfidentialField.Purpose];
        iop.ConfidentialReason = "Walker: the reason is public by design";
        db.PartnershipAnswers().Add(new PartnershipAnswer { PartnershipId = _iop, Question = "fairness", Text = Marker("answer"), UpdatedAt = now });
        db.CheckIns().Add(new CheckIn { PartnershipId = _iop, HeldOn = today.AddDays(-1), Progress = Marker("check-in"), Blockers = Marker("blockers"),
            RecordedBy = "Walker", CreatedAt = now });
        db.Decisions().Add(new Decision { PartnershipId = _iop, DecidedOn = today.AddDays(-1), Text = Marker("decision"), CreatedAt = now });
        var action = new FollowUpAction { PartnershipId = _iop, Text = Marker("action"), DueOn = today.AddDays(5), CreatedAt = now };
        db.FollowUpActions().Add(action);
        _action = action.Id;
        db.PartnershipPeople().Add(new PartnershipPerson { PartnershipId = _iop, PartyId = _kompisParty, Name = "Walker", Email = MarkerEmail("partnership-person") });
        db.PartnershipContributions().Add(new PartnershipContribution { PartnershipId = _iop, PartyId = _kompisParty, Kind = ContributionKind.Other,
            Description = Marker("contribution"), Value = 1 });

        var advice = new SavedAdvice { Year = today.Year, CreatedAt = now };
        db.SavedAdvice().Add(advice);
        _savedAdvice = advice.Token;
        await db.SaveChangesAsync();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Who attacks: nobody, somebody, another municipality's officer, another organisation's member and admin.

    private async Task<List<Attacker>> AttackersAsync()
    {
        var now = DateTime.UtcNow;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (email, role) in new[] { ($"walker-norole-{_tag}@test.example", (Role?)null),
                         ($"walker-kodmember-{_tag}@test.example", Role.OrganisationMember), ($"walker-kodadmin-{_tag}@test.example", Role.OrganisationAdmin) })
            {
                var user = new AppUser { UserName = email, Email = email, DisplayName = "Walker", EmailConfirmed = true, CreatedAt = now };
                var result = await users.CreateAsync(user, Web.DemoPassword);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
                if (role is { } r) db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = r, OrganisationId = _kodcentrum, CreatedAt = now });
            }
            await db.SaveChangesAsync();
        }
        var list = new List<Attacker> { await SessionAsync("anonymous", null) };
        list.Add(await SessionAsync("no role", $"walker-norole-{_tag}@test.example"));
        list.Add(await SessionAsync("Falun officer", "handlaggare@falun.example"));
        list.Add(await SessionAsync("Kodcentrum member", $"walker-kodmember-{_tag}@test.example"));
        list.Add(await SessionAsync("Kodcentrum admin", $"walker-kodadmin-{_tag}@test.example"));
        return list;
    }

    private HttpClient? _client;
    private HttpClient Client => _client ??= app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static void Keep(Attacker a, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies)) return;
        foreach (var c in cookies)
        {
            var pair = c.Split(';', 2)[0].Split('=', 2);
            if (pair.Length == 2 && pair[1].Length > 0) a.Cookies[pair[0]] = pair[1];
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Attacker a, HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (a.Cookies.Count > 0) request.Headers.Add("Cookie", a.CookieHeader);
        return await Client.SendAsync(request);
    }

    private async Task<Attacker> SessionAsync(string name, string? email)
    {
        var a = new Attacker(name, email);
        if (email is not null)
        {
            var login = await SendAsync(a, HttpMethod.Get, "/account/login");
            Keep(a, login);
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = Web.DemoPassword, ["__RequestVerificationToken"] = Web.Token(await login.Content.ReadAsStringAsync()),
            });
            var signedIn = await SendAsync(a, HttpMethod.Post, "/account/login", form);
            if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{name} could not sign in: {(int)signedIn.StatusCode}");
            Keep(a, signedIn);
        }
        // A token from a page the attacker may load; every POST below carries it, so antiforgery never hides a hole.
        var home = await SendAsync(a, HttpMethod.Get, "/account/login");
        Keep(a, home);
        a.Token = Web.Token(await home.Content.ReadAsStringAsync());
        return a;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Routes: every endpoint the app serves, with its parameters filled from the victim.

    private sealed record RouteValues(Dictionary<string, string> Values, bool Private);

    /// Values for the route's parameters, by name and by the address around them. An unknown parameter is a finding:
    /// the walker must be taught what a new kind of address points at, so nothing is skipped silently.
    private List<RouteValues> FillRoute(RoutePattern pattern, List<string> findings)
    {
        var raw = "/" + (pattern.RawText ?? "").TrimStart('/');
        var options = new List<List<(string Name, string Value, bool Private)>>();
        if (raw.Contains("/profile/{section}/{id}"))
        {
            options.Add([("section", _profileSection.ToString().ToLowerInvariant(), false), ("section", "organisation", false)]);
        }
        foreach (var p in pattern.Parameters)
        {
            if (p.Name == "section") continue;
            var values = Candidates(raw, p.Name);
            if (values.Count == 0)
            {
                findings.Add($"UNMAPPED {raw}: the walker does not know what {{{p.Name}}} points at — teach RouteWalker.Candidates");
                return [];
            }
            options.Add(values.Select(v => (p.Name, v.Value, v.Private)).ToList());
        }
        var combos = new List<RouteValues> { new([], false) };
        foreach (var option in options)
            combos = combos.SelectMany(c => option.Select(o => new RouteValues(new Dictionary<string, string>(c.Values) { [o.Name] = o.Value }, c.Private || o.Private))).ToList();
        return combos;
    }

    private List<(string Value, bool Private)> Candidates(string raw, string name)
    {
        (string, bool) Pub(object v) => (v.ToString()!, false);
        (string, bool) Priv(object v) => (v.ToString()!, true);
        return (name, raw) switch
        {
            ("code", _) when raw.StartsWith("/regions/") => [Pub("20")],
            ("code", _) => [Pub("2081")],
            ("slug", _) => [Pub("prepare")],
            ("token", _) when raw.Contains("/saved/") => [Pub(_savedAdvice)],
            ("token", _) when raw.Contains("/invitation/") => [Pub("walker-not-a-token")],
            ("id", _) when raw.StartsWith("/advisor/q/") => [Pub(_advisorQuestion)],
            ("id", _) when raw.StartsWith("/files/") => [Priv(_file)],
            ("id", _) when raw.Contains("/calendar/{id") => [Pub("new"), Priv(_internalEvent)],
            ("id", _) when raw.Contains("/stakeholders/{id") => [Pub("new"), Priv(_stakeholder)],
            ("id", _) when raw.Contains("/profile/{section}/{id") => [Pub("new"), Pub(_profileEntry)],
            ("id", _) when raw.StartsWith("/municipalities/{code}/funding/programmes/{id") => [Pub("new"), Priv(_draftProgramme)],
            ("id", _) when raw.StartsWith("/municipalities/{code}/funding/calls/{id") => [Pub("new"), Priv(_draftCall), Pub(_openCall)],
            ("id", _) when raw.Contains("/calls/{id") => [Priv(_draftCall), Pub(_openCall)],
            ("id", _) when raw.StartsWith("/municipalities/{code}/needs/{id}") && !raw.Contains("matches") => [Pub("new"), Priv(_draftNeed), Pub(_openNeed)],
            ("id", _) when raw.Contains("/needs/{id") => [Priv(_draftNeed), Pub(_openNeed)],
            ("id", _) when raw.Contains("/partnerships/{id") => [Pub(_iop), Pub(_grant), Priv(_exploring)],
            ("id", _) when raw.Contains("/organizations/{id") => [Pub(_dalia)],
            ("id", _) when raw.Contains("/services/{id") => [Pub(_daliaService)],
            ("id", _) when raw.Contains("/organisations/{id") => [Pub(_dalia), Pub(_kompis)],
            ("step", _) => [Pub("prepare"), Pub("roles")],
            ("number", _) => [Pub("1")],
            ("documentName", _) => [Pub("v1")],
            ("path", _) => [Pub("walker-nowhere")],
            _ => [],
        };
    }

    /// A plausible value for a query or form field the handler binds, chosen by its name so that a check the handler
    /// forgot is not hidden behind a validation error; ids point at the victim. Private marks the one field that
    /// decides whether an outsider's write may be legitimate: a need that is still a draft.
    private (string? Value, bool Private) FieldValue(string name, Type type, string raw, PropertyInfo? property = null)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var n = name.ToLowerInvariant();
        var onOrganisation = raw.StartsWith("/organisations/");
        if (t == typeof(Guid))
            return n switch
            {
                "organisation" or "organisationid" or "organization_id" => (_dalia.ToString(), false),
                "with" => (_kompis.ToString(), false),
                "tenantid" => (_borlange.ToString(), false),
                "need" or "needid" => (_draftNeed.ToString(), true),
                "programme" => (_draftProgramme.ToString(), true),
                "serviceid" => (_daliaService.ToString(), false),
                "contactid" => (_daliaContact.ToString(), false),
                "edit" or "confirmdelete" => ((raw.Contains("/services") ? _daliaService : _daliaContact).ToString(), false),
                "assignmentid" or "confirmremove" => ((onOrganisation ? _daliaMemberRole : _borlangeOfficerRole).ToString(), false),
                "invitationid" or "confirmrevoke" => ((onOrganisation ? _daliaInvitation : _borlangeInvitation).ToString(), false),
                "actionid" => (_action.ToString(), false),
                "versionid" => (_version.ToString(), false),
                "partyid" => (_kompisParty.ToString(), false),
                "item" => (_goal.ToString(), false),
                "itemid" => (_question.ToString(), false),
                "batchid" => (_batch.ToString(), false),
                "ownerpersonid" or "personid" => (_daliaPerson.ToString(), false),
                _ => (Guid.NewGuid().ToString(), false),
            };
        if (t == typeof(string))
            return n switch
            {
                "tenant" or "municipality" or "code" or "defaultmunicipality" or "municipalitycode" => ("2081", false),
                "advice" or "advicetoken" => (_savedAdvice, false),
                "userid" => (_memberUserId, false),
                "returnurl" => ("/", false),
                "culture" => ("en", false),
                "q" or "query" or "partyq" => ("a", false),
                "status" => ("active", false),
                "sort" => ("name", false),
                "area" => ("youth", false),
                "format" => ("csv", false),
                "go" => ("publish", false),
                "remove" => ("goal", false),
                "token" => ("walker-not-a-token", false),
                "confirmdisable" => ("2081", false),
                _ when n.Contains("email") || property?.GetCustomAttribute<EmailAddressAttribute>() is not null => ($"walker-{Guid.NewGuid():N}@test.example", false),
                _ when n.Contains("url") || n.Contains("website") || property?.GetCustomAttribute<UrlAttribute>() is not null => ("https://example.org/walker", false),
                _ when n.Contains("phone") => ("0243-740 00", false),
                _ when n.Contains("number") => ("802497-3126", false),
                _ when n.Contains("password") => ("Walker-password-2026!", false),
                _ => ("Walker text", false),
            };
        if (t == typeof(bool)) return (n is "stop" ? "false" : "true", false);
        if (t == typeof(int) || t == typeof(long) || t == typeof(short))
            return (property?.GetCustomAttribute<RangeAttribute>() is { } r ? Convert.ToString(r.Minimum, System.Globalization.CultureInfo.InvariantCulture) : "1", false);
        if (t == typeof(decimal) || t == typeof(double)) return ("1000", false);
        if (t == typeof(DateOnly) || t == typeof(DateTime)) return (DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"), false);
        if (t == typeof(TimeOnly)) return ("18:00", false);
        if (t.IsEnum) return (Enum.GetNames(t)[0], false);
        return (null, false);
    }

    private static readonly HashSet<Type> Infrastructure = [typeof(CancellationToken), typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse)];

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(decimal) || t == typeof(DateOnly)
            || t == typeof(DateTime) || t == typeof(TimeOnly);
    }

    /// Form fields for a value the handler binds: a simple value, a dictionary, or an input class one level deep.
    private void Fields(string prefix, Type type, string raw, List<KeyValuePair<string, string>> into, ref bool touchesPrivate, PropertyInfo? property = null)
    {
        if (typeof(IFormFile).IsAssignableFrom(type)) return;
        if (IsSimple(type))
        {
            var leaf = prefix.Split('.')[^1];
            var (v, p) = FieldValue(leaf, type, raw, property);
            if (v is not null) into.Add(new(prefix, v));
            touchesPrivate |= p;
            return;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var key = type.GetGenericArguments()[0] == typeof(Guid) ? _kompisParty.ToString() : "why";
            into.Add(new($"{prefix}[{key}]", "Walker text"));
            return;
        }
        var element = type.IsArray ? type.GetElementType() : type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
        if (element is not null)
        {
            if (!IsSimple(element)) return;
            var leaf = prefix.Split('.')[^1].ToLowerInvariant();
            var value = leaf switch
            {
                "areas" or "targetgroups" => "youth",
                "forms" => "grant",
                "languages" => "sv",
                "served" => "2081",
                "confidentialfields" => ConfidentialField.Purpose,
                _ => FieldValue(leaf, element, raw).Value,
            };
            if (value is not null) into.Add(new(prefix, value));
            return;
        }
        if (prefix.Count(c => c == '.') > 1) return;
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            Fields(prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}", p.PropertyType, raw, into, ref touchesPrivate, p);
    }

    private async Task<(List<Probe> Probes, int Routes)> ProbesAsync(Func<string, bool>? only, List<string> findings)
    {
        var sources = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .DistinctBy(e => (e.RoutePattern.RawText, e.DisplayName)).ToList();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var probes = new List<Probe>();
        var routes = 0;
        foreach (var endpoint in sources)
        {
            var raw = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (only is not null && !only(raw)) continue;
            routes++;
            var routeValues = FillRoute(endpoint.RoutePattern, findings);
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is not null)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var model = compiled.ModelTypeInfo?.AsType() ?? compiled.HandlerTypeInfo.AsType();
                var bound = model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Select(p => (Property: p, Attribute: p.GetCustomAttribute<BindPropertyAttribute>())).Where(x => x.Attribute is not null).ToList();
                foreach (var handler in compiled.HandlerMethods)
                {
                    var isGet = handler.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase);
                    foreach (var rv in routeValues)
                    {
                        var fields = new List<KeyValuePair<string, string>>();
                        var touches = rv.Private;
                        foreach (var parameter in handler.Parameters)
                        {
                            if (Infrastructure.Contains(parameter.ParameterType) || rv.Values.ContainsKey(parameter.Name)) continue;
                            var prefix = parameter.BindingInfo?.BinderModelName ?? (IsSimple(parameter.ParameterType) || parameter.ParameterType.IsGenericType ? parameter.Name : "");
                            Fields(prefix, parameter.ParameterType, raw, fields, ref touches);
                        }
                        foreach (var (property, attribute) in bound)
                        {
                            if (isGet && !attribute!.SupportsGet) continue;
                            Fields(attribute!.Name ?? property.Name, property.PropertyType, raw, fields, ref touches, property);
                        }
                        var path = Path(endpoint.RoutePattern, rv.Values);
                        var handlerQuery = handler.Name is { } h ? $"handler={h}" : null;
                        var label = handler.Name ?? "(default)";
                        if (isGet)
                        {
                            probes.Add(new Probe(raw, label, "GET", Join(path, handlerQuery), [], rv.Private));
                            // All fields together, and each alone, so that one scope parameter (?tenant=) cannot
                            // shadow another (?organisation=) that the handler would otherwise check differently.
                            var sets = new List<List<KeyValuePair<string, string>>>();
                            if (fields.Count > 0) sets.Add(fields);
                            if (fields.Count > 1) sets.AddRange(fields.Select(f => new List<KeyValuePair<string, string>> { f }));
                            foreach (var set in sets)
                                probes.Add(new Probe(raw, label, "GET", Join(path, handlerQuery, string.Join("&", set.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"))), [], touches));
                        }
                        else
                        {
                            probes.Add(new Probe(raw, label, "POST", Join(path, handlerQuery), fields, touches));
                        }
                    }
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var method = endpoint.Metadata.GetMetadata<MethodInfo>();
            foreach (var rv in routeValues)
            {
                var path = Path(endpoint.RoutePattern, rv.Values);
                foreach (var verb in methods)
                {
                    if (verb == "GET")
                    {
                        probes.Add(new Probe(raw, "", "GET", path, [], rv.Private));
                        var fields = new List<KeyValuePair<string, string>>();
                        var touches = rv.Private;
                        foreach (var parameter in method?.GetParameters() ?? [])
                        {
                            if (!IsSimple(parameter.ParameterType) || rv.Values.ContainsKey(parameter.Name!)) continue;
                            Fields(parameter.Name!, parameter.ParameterType, raw, fields, ref touches);
                        }
                        if (fields.Count > 0)
                            probes.Add(new Probe(raw, "", "GET", Join(path, string.Join("&", fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"))), [], touches));
                    }
                    else
                    {
                        probes.Add(new Probe(raw, "", verb, path, [], rv.Private, IsJson: true));
                    }
                }
            }
        }
        return (probes, routes);
    }

    private static string Path(RoutePattern pattern, Dictionary<string, string> values)
    {
        var sb = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            sb.Append('/');
            foreach (var part in segment.Parts)
                sb.Append(part switch
                {
                    RoutePatternLiteralPart l => l.Content,
                    RoutePatternParameterPart p => Uri.EscapeDataString(values[p.Name]),
                    RoutePatternSeparatorPart s => s.Content,
                    _ => "",
                });
        }
        return sb.Length == 0 ? "/" : sb.ToString();
    }

    private static string Join(string path, params string?[] query)
    {
        var q = string.Join("&", query.Where(x => !string.IsNullOrEmpty(x)));
        return q.Length == 0 ? path : $"{path}?{q}";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Writes an outsider may legitimately make. Each adds rows of the outsider's own; the walker still fails when any
    // existing row changes or disappears, or when the request used a value only the victim may see (a draft need).

    private static readonly HashSet<(string Route, string Handler)> OutsiderWrites =
    [
        ("/account/register", "(default)"),          // anyone may create an account
        ("/organisations/new", "(default)"),         // anyone signed in may register an organisation (pending until verified)
        ("/organisations/{id:guid}/claim", "(default)"), // anyone signed in may ask to take over an entry; staff decide
        ("/needs/{id:guid}", "Ask"),                 // anyone signed in may ask a question on an open need
        ("/needs/{id:guid}", "Follow"),              // and follow it
        ("/partnerships/new", "(default)"),          // anyone signed in may start a partnership of their own
        ("/advisor/result", "Save"),                 // anyone may save their advice under a new token
        ("/organisations/import", "Check"),          // a checked file is kept for its own uploader only
    ];

    /// What a signed-in person does to their own account: it changes their own user row (the security stamp, the
    /// password) and nothing else. These run last in each attacker's walk, because they end the walk's own session.
    private static readonly HashSet<(string Route, string Handler)> OwnAccountWrites =
    [
        ("/account", "SignOutEverywhere"),           // rotates the caller's own security stamp
        ("/account/password", "(default)"),          // changes the caller's own password (with the current one)
        ("/account/logout", "(default)"),            // signing out rotates the caller's own stamp
    ];

    // ---------------------------------------------------------------------------------------------------------------
    // The database: every row of every table, except bookkeeping that changes without anyone asking.

    /// Audit entries record writes (which the rest of the snapshot already catches), jobs are the queue's own
    /// state (a refused request may still queue nothing, but the runner is off in this app), data-protection keys are
    /// made on first use, and register changes mirror organisation rows.
    private static readonly HashSet<string> Bookkeeping = ["AuditEntries", "Jobs", "DataProtectionKeys", "RegisterChanges"];

    private async Task<Dictionary<string, HashSet<string>>> SnapshotAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Where(t => !Bookkeeping.Contains(t)).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var table in tables)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await cmd.ExecuteReaderAsync();
            var rows = new HashSet<string>();
            while (await reader.ReadAsync())
            {
                var sb = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var v = reader.GetValue(i);
                    sb.Append(reader.GetName(i)).Append('=').Append(v is byte[] b ? Convert.ToHexString(SHA256.HashData(b)) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
                rows.Add(sb.ToString());
            }
            result[table] = rows;
        }
        return result;
    }

    private static string? Differences(Dictionary<string, HashSet<string>> before, Dictionary<string, HashSet<string>> after, bool addsAllowed,
        Func<string, string, bool>? own = null)
    {
        var changes = new List<string>();
        foreach (var (table, all) in before)
        {
            var rows = own is null ? all : all.Where(r => !own(table, r)).ToHashSet();
            var now = own is null ? after[table] : after[table].Where(r => !own(table, r)).ToHashSet();
            var gone = rows.Except(now).Count();
            var added = now.Except(rows).Count();
            if (gone > 0 || (!addsAllowed && added > 0))
                changes.Add($"{table} (+{added} −{gone}: {Shorten(now.Except(rows).Concat(rows.Except(now)).First())})");
        }
        return changes.Count == 0 ? null : string.Join("; ", changes);
    }

    private static string Shorten(string s) => s.Length <= 240 ? s : s[..240] + "…";

    // ---------------------------------------------------------------------------------------------------------------

    public async Task<Report> WalkAsync(Func<string, bool>? only = null)
    {
        var findings = new List<string>();
        await PlantAsync();
        var attackers = await AttackersAsync();
        var (probes, routes) = await ProbesAsync(only, findings);
        var requests = 0;
        var answers = new ConcurrentDictionary<(string Route, string Method), ConcurrentDictionary<int, int>>();
        void Count(Probe p, HttpResponseMessage r) =>
            answers.GetOrAdd((p.Route, p.Method), _ => new()).AddOrUpdate((int)r.StatusCode, 1, (_, n) => n + 1);

        // The control: the platform admin may see everything, so every planted marker must show up in some answer to
        // them. Otherwise the plant sits where no page looks, and not finding it below would prove nothing.
        var seen = new ConcurrentDictionary<string, bool>();
        var admin = await SessionAsync("platform admin", "admin@samverka.example");
        await Parallel.ForEachAsync(probes.Where(p => p.Method == "GET"), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (probe, _) =>
        {
            var body = await (await SendAsync(admin, HttpMethod.Get, probe.Url)).Content.ReadAsStringAsync();
            Interlocked.Increment(ref requests);
            foreach (var m in _markers.Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase))) seen[m] = true;
        });

        foreach (var attacker in attackers)
        {
            // GETs in parallel (they must not write; the database is compared once around all of them).
            var before = await SnapshotAsync();
            var leaks = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(probes.Where(p => p.Method == "GET"), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (probe, _) =>
            {
                var response = await SendAsync(attacker, HttpMethod.Get, probe.Url);
                Interlocked.Increment(ref requests);
                Count(probe, response);
                await CheckAsync(attacker, probe, response, leaks);
            });
            findings.AddRange(leaks.Order());
            var after = await SnapshotAsync();
            if (Differences(before, after, addsAllowed: false) is { } getWrites)
                findings.Add($"WRITE by GET as {attacker.Name}: {getWrites}");

            // POSTs one by one, each between two snapshots.
            before = after;
            foreach (var probe in probes.Where(p => p.Method != "GET").OrderBy(p => OwnAccountWrites.Contains((p.Route, p.Handler))))
            {
                HttpContent content = probe.IsJson
                    ? new StringContent("{}", Encoding.UTF8, "application/json")
                    : new FormUrlEncodedContent(probe.Form.Append(new("__RequestVerificationToken", attacker.Token)));
                var response = await SendAsync(attacker, new HttpMethod(probe.Method), probe.Url, content);
                requests++;
                Count(probe, response);
                var bag = new ConcurrentBag<string>();
                await CheckAsync(attacker, probe, response, bag);
                findings.AddRange(bag);
                after = await SnapshotAsync();
                var allowed = !probe.TouchesPrivate && OutsiderWrites.Contains((probe.Route, probe.Handler));
                var ownAccount = OwnAccountWrites.Contains((probe.Route, probe.Handler)) && attacker.Email is { } me
                    ? (table, row) => table == "AspNetUsers" && row.Contains($"|Email={me}|", StringComparison.OrdinalIgnoreCase)
                    : (Func<string, string, bool>?)null;
                if (Differences(before, after, addsAllowed: allowed, ownAccount) is { } writes)
                    findings.Add($"WRITE {probe.Method} {probe.Url} [{probe.Handler}] as {attacker.Name} answered {(int)response.StatusCode}: {writes}");
                before = after;
            }
        }
        var summary = answers.OrderBy(a => a.Key.Route).ThenBy(a => a.Key.Method)
            .Select(a => $"{a.Key.Method,-4} {a.Key.Route}: " + string.Join(" ", a.Value.OrderBy(x => x.Key).Select(x => $"{x.Key}×{x.Value}"))).ToList();
        return new Report(routes, requests, findings, _markers.Where(m => !seen.ContainsKey(m)).ToList(), summary);
    }

    private async Task CheckAsync(Attacker attacker, Probe probe, HttpResponseMessage response, ConcurrentBag<string> findings)
    {
        var body = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location?.ToString() ?? "";
        foreach (var marker in _markers)
            if (body.Contains(marker, StringComparison.OrdinalIgnoreCase) || location.Contains(marker, StringComparison.OrdinalIgnoreCase))
                findings.Add($"LEAK {probe.Method} {probe.Url} [{probe.Handler}] as {attacker.Name} answered {(int)response.StatusCode} with {marker}");
        if ((int)response.StatusCode >= 500)
            findings.Add($"ERROR {probe.Method} {probe.Url} [{probe.Handler}] as {attacker.Name} answered {(int)response.StatusCode}");
    }
}
