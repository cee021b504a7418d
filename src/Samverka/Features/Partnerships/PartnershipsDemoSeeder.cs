using Samverka.Features.Partnerships.Agreement;
using Samverka.Features.Partnerships.Running;
using Samverka.Features.Register;
using Samverka.Platform.Modules;

namespace Samverka.Features.Partnerships;

/// Two complete examples in Borlänge: an active IOP with Kompis Sverige (approved agreement, check-ins, decisions)
/// and a grant partnership with Tjejjouren Dalia whose check-in is late, so a newcomer sees a health signal too.
internal sealed class PartnershipsDemoSeeder(AppDbContext db, AgreementService agreements, TimeProvider clock) : IDemoSeeder
{
    public int Order => 60;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        if (await db.Partnerships().AnyAsync(ct)) return;
        var borlange = await db.Tenants.SingleOrDefaultAsync(t => t.Code == "2081", ct);
        var kompis = await db.Organisations().SingleOrDefaultAsync(o => o.Name == "Kompis Sverige", ct);
        var dalia = await db.Organisations().SingleOrDefaultAsync(o => o.Name == "Tjejjouren Dalia", ct);
        if (borlange is null || kompis is null || dalia is null) return;
        var officer = await db.Users.SingleOrDefaultAsync(u => u.Email == "handlaggare@borlange.example", ct);
        var daliaAdmin = await db.Users.SingleOrDefaultAsync(u => u.Email == "admin@dalia.example", ct);

        // The agreement is written in Swedish, whatever language the process starting the app runs in.
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("sv-SE");
        try
        {
            var iop = await IopAsync(borlange.Id, borlange.Name, kompis, ct);
            await ApproveAllAsync(iop, "Hanna Handläggare", officer?.Id, "Karin Ek", null, ct);
            var grant = await GrantAsync(borlange.Id, borlange.Name, dalia, ct);
            await ApproveAllAsync(grant, "Hanna Handläggare", officer?.Id, "Dana Dalia", daliaAdmin?.Id, ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        }
    }

    /// A goal as the parties would write it, its baseline dated at the partnership's start.
    private Platform.Indicators.IndicatorGoal Goal(Partnership p, string text, string indicator, string baseline, string target, DateOnly targetDate, DateTime now)
    {
        var goal = PartnershipGoals.Build(p.Id, text, indicator, baseline, target, targetDate, now).Goal!;
        foreach (var i in goal.Indicators) i.BaselineOn = p.StartsOn ?? i.BaselineOn;
        db.Add(goal);
        return goal;
    }

    private sealed record Party(PartnershipParty Row, List<PartnershipPerson> People);

    private async Task<Guid> IopAsync(Guid tenantId, string tenantName, Organisation kompis, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var p = new Partnership
        {
            Title = "Kompisar i Borlänge – IOP om inkludering",
            Purpose = "Nyanlända och etablerade Borlängebor möts som kompisar, så att fler får ett socialt sammanhang, språk och kontakter.",
            Form = PartnershipForm.Iop, Status = PartnershipStatus.Agreeing, StartsOn = today.AddMonths(-8), EndsOn = today.AddMonths(28),
            PublicMoney = 900000, CheckInEveryDays = 30, RenewalMonthsBefore = 9,
            Ladder = [(int)LadderLevel.Partnership, (int)LadderLevel.Partnership, (int)LadderLevel.Partnership, (int)LadderLevel.Partnership, (int)LadderLevel.Dialogue],
            CreatedAt = now.AddMonths(-10), UpdatedAt = now,
        };
        db.Partnerships().Add(p);
        var municipality = AddParty(p, PartyKind.Municipality, tenantId, null, tenantName, "Arbetsmarknads- och integrationsförvaltningen",
            "Fler nyanlända kommer in i samhället snabbare, och kommunens insatser för språk och arbete får stöd av vardagskontakter.",
            ("Hanna Handläggare", "Kontaktperson", "handlaggare@borlange.example"), ("Per Sandberg", "Enhetschef integration", null));
        var org = AddParty(p, PartyKind.Organisation, null, kompis.Id, kompis.Name, null,
            "Verksamheten kan växa i Borlänge med lokaler och kontakter, och metoden når fler.",
            ("Karin Ek", "Verksamhetsledare Dalarna", "karin.ek@kompis.example"), ("Omar Haddad", "Matchningsansvarig", null));

        Answers(p.Id, new()
        {
            ["why"] = "Kommunen når inte nyanlända med vardagskontakter; Kompis Sverige har en beprövad metod men saknar lokaler och kontakter i Borlänge.",
            ["target-groups"] = "Nyanlända 16–65 år och etablerade Borlängebor som vill bli kompisar. Målgruppen nås via SFI och föreningar.",
            ["scope"] = "Matchning av kompisar, gemensamma träffar och utbildning av volontärer i Borlänge.",
            ["limits"] = "Samarbetet ersätter inte kommunens myndighetsutövning. Kompis Sverige bestämmer själv över sin metod och sitt varumärke.",
            ["money"] = "Kommunen bidrar med 300 000 kr per år. Inga pengar går från organisationen till kommunen.",
            ["problem"] = "Många nyanlända i Borlänge saknar svenska kontakter utanför myndigheter, vilket gör språk och arbete svårare att nå.",
            ["goal"] = "Efter tre år har minst 300 personer fått en kompis, och fler nyanlända säger att de har någon att fråga om vardagen.",
            ["values"] = "Dialog, långsiktighet, öppenhet och att organisationen behåller sin självständighet.",
            ["solution"] = "Kompismatchning med träffar minst varannan vecka i sex månader, och gemensamma aktiviteter en gång i månaden.",
            ["method"] = "Kompis Sverige matchar och följer upp; kommunen sprider inbjudan via SFI och står för lokal.",
            ["organisation"] = "En styrgrupp med en person från varje part träffas varje kvartal; arbetsgruppen ses varje månad.",
            ["communication"] = "Månadsmöte, e-post och en gemensam kalender.",
            ["short-notice"] = "Kontaktpersonerna får besluta om frågor under 10 000 kr; annat tas per e-post i styrgruppen.",
            ["conflict-route"] = "Problem tas först upp mellan kontaktpersonerna, därefter i styrgruppen. Går det inte att enas avgör enhetschefen och ordföranden tillsammans.",
            ["quality"] = "Alla matchningar följs upp efter en och tre månader; volontärer utbildas innan de matchas.",
            ["reporting"] = "En kort rapport per halvår med siffror och tre berättelser; ingen annan rapportering.",
            ["target-voice"] = "Deltagarna svarar på tre frågor efter sex månader, och två deltagare är med på styrgruppens höstmöte.",
            ["continuation"] = "Målet är att verksamheten efter perioden bärs av volontärer och ingår i kommunens ordinarie integrationsarbete.",
            ["termination"] = "Sex månaders uppsägningstid. Material och metod tillhör Kompis Sverige.",
        }, now);
        Contribute(p.Id, municipality, ContributionKind.Money, "Verksamhetsstöd, 300 000 kr per år", 900000);
        Contribute(p.Id, municipality, ContributionKind.Premises, "Lokal på Medborgarhuset två kvällar i veckan", 180000);
        Contribute(p.Id, org, ContributionKind.Volunteers, "Ideella kompisar, cirka 2 000 timmar per år", 600000);
        Contribute(p.Id, org, ContributionKind.Expertise, "Metod, utbildning och uppföljning", 250000);
        var matching = Activity(p.Id, "Matcha 100 kompispar per år", today.AddMonths(-7), today.AddMonths(28), false);
        var training = Activity(p.Id, "Utbilda volontärer", today.AddMonths(-8), today.AddMonths(26), false);
        var review = Activity(p.Id, "Halvtidsutvärdering", today.AddMonths(10), today.AddMonths(10), true);
        Raci(p.Id, matching, (org.People[1], RaciRole.Responsible), (org.People[0], RaciRole.Accountable), (municipality.People[0], RaciRole.Informed));
        Raci(p.Id, training, (org.People[1], RaciRole.Responsible), (org.People[0], RaciRole.Accountable), (municipality.People[1], RaciRole.Consulted));
        Raci(p.Id, review, (municipality.People[0], RaciRole.Responsible), (municipality.People[1], RaciRole.Accountable), (org.People[0], RaciRole.Consulted));
        var buddies = Goal(p, "Fler nyanlända får en kompis", "Antal matchade kompispar", "0", "300", today.AddMonths(28), now);
        Goal(p, "Deltagarna har någon att fråga om vardagen", "Andel deltagare som svarar ja efter sex månader", "35 %", "80 %", today.AddMonths(28), now);
        // The count reported at the last check-in, entered by the organisation and approved at the meeting.
        buddies.Indicators[0].Measurements.Add(new Platform.Indicators.Measurement
        {
            IndicatorId = buddies.Indicators[0].Id, Value = 42, MeasuredOn = today.AddDays(-40), RecordedAt = now.AddDays(-40), ApprovedAt = now.AddDays(-40),
        });
        db.CheckIns().AddRange(
            new CheckIn { PartnershipId = p.Id, HeldOn = today.AddDays(-40), Progress = "42 kompispar matchade hittills. Lokalen fungerar bra.", Blockers = "Svårt att hitta manliga volontärer.", Celebrate = "Första sommarfesten med 80 deltagare.", RecordedBy = "Hanna Handläggare", CreatedAt = now.AddDays(-40) },
            new CheckIn { PartnershipId = p.Id, HeldOn = today.AddDays(-10), Progress = "51 kompispar. Volontärutbildning i höst bokad.", Celebrate = "Två deltagare har fått jobb genom sina kompisar.", RecordedBy = "Karin Ek", CreatedAt = now.AddDays(-10) });
        db.Decisions().Add(new Decision { PartnershipId = p.Id, DecidedOn = today.AddDays(-40), Text = "Vi riktar höstens rekrytering till idrottsföreningar för att nå fler manliga volontärer.", DecidedBy = "Styrgruppen", CreatedAt = now.AddDays(-40) });
        db.FollowUpActions().Add(new FollowUpAction { PartnershipId = p.Id, Text = "Kontakta tre idrottsföreningar om volontärer", OwnerPersonId = org.People[1].Id, DueOn = today.AddDays(20), CreatedAt = now.AddDays(-10) });
        await db.SaveChangesAsync(ct);
        return p.Id;
    }

    private async Task<Guid> GrantAsync(Guid tenantId, string tenantName, Organisation dalia, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var p = new Partnership
        {
            Title = "Skolutbildning om psykisk hälsa – Tjejjouren Dalia",
            Purpose = "Tjejjouren Dalia utbildar elever i högstadiet om psykisk hälsa, relationer och var man kan få stöd.",
            Form = PartnershipForm.Grant, Status = PartnershipStatus.Agreeing, StartsOn = today.AddMonths(-5), EndsOn = today.AddMonths(7),
            PublicMoney = 150000, CheckInEveryDays = 30, RenewalMonthsBefore = 6,
            Ladder = [(int)LadderLevel.Dialogue, (int)LadderLevel.Consultation, (int)LadderLevel.Dialogue, (int)LadderLevel.Information, (int)LadderLevel.Consultation],
            CreatedAt = now.AddMonths(-6), UpdatedAt = now,
        };
        db.Partnerships().Add(p);
        var municipality = AddParty(p, PartyKind.Municipality, tenantId, null, tenantName, "Barn- och utbildningsförvaltningen",
            "Eleverna får kunskap om psykisk hälsa och vet var de kan få stöd.", ("Hanna Handläggare", "Handläggare föreningsbidrag", "handlaggare@borlange.example"));
        var org = AddParty(p, PartyKind.Organisation, null, dalia.Id, dalia.Name, null,
            "Jouren når fler tjejer tidigt och blir känd bland skolans personal.", ("Dana Dalia", "Ordförande", "admin@dalia.example"), ("Lo Ström", "Utbildningsansvarig", null));
        Answers(p.Id, new()
        {
            ["why"] = "Jouren har kunskapen och förtroendet hos unga; skolorna efterfrågar utbildning.",
            ["target-groups"] = "Elever i årskurs 7–9, särskilt tjejer.",
            ["scope"] = "Utbildningstillfällen i skolorna under ett läsår.",
            ["limits"] = "Jouren bestämmer själv innehållet; kommunen styr inte jourens stödverksamhet.",
            ["problem"] = "Många unga vet inte var de kan vända sig när de mår dåligt.",
            ["goal"] = "Alla elever i årskurs 8 har fått utbildningen och vet var de kan få stöd.",
            ["solution"] = "Två lektioner per klass i årskurs 8.",
            ["method"] = "Utbildade volontärer från jouren håller lektionerna tillsammans med skolkuratorn.",
            ["organisation"] = "Handläggaren och jourens ordförande planerar terminen; rektorerna bokar tider.",
            ["quality"] = "Utbildarna har gått jourens grundutbildning; eleverna svarar på en kort enkät.",
            ["reporting"] = "En redovisning efter läsåret: antal klasser och elevernas svar.",
            ["continuation"] = "Jouren söker ett längre avtal, till exempel en IOP, om utbildningen fungerar.",
        }, now);
        Contribute(p.Id, municipality, ContributionKind.Money, "Verksamhetsbidrag för skolutbildning", 150000);
        Contribute(p.Id, org, ContributionKind.Volunteers, "Utbildade volontärer, cirka 300 timmar", 90000);
        var lessons = Activity(p.Id, "Lektioner i årskurs 8", today.AddMonths(-4), today.AddMonths(5), false);
        Raci(p.Id, lessons, (org.People[1], RaciRole.Responsible), (org.People[0], RaciRole.Accountable), (municipality.People[0], RaciRole.Informed));
        Goal(p, "Alla elever i årskurs 8 får utbildningen", "Andel klasser som fått två lektioner", "0 %", "100 %", today.AddMonths(6), now);
        // The last check-in is older than the rhythm: the overview shows the "check-in overdue" signal.
        db.CheckIns().Add(new CheckIn { PartnershipId = p.Id, HeldOn = today.AddDays(-50), Progress = "Tolv klasser klara. Eleverna ger höga betyg.", Blockers = "Två skolor har inte bokat tider.", Celebrate = "En rektor vill ha utbildningen i årskurs 9 också.", RecordedBy = "Dana Dalia", CreatedAt = now.AddDays(-50) });
        await db.SaveChangesAsync(ct);
        return p.Id;
    }

    private async Task ApproveAllAsync(Guid id, string municipalityApprover, string? municipalityUser, string organisationApprover, string? organisationUser, CancellationToken ct)
    {
        var file = (await PartnershipFile.LoadAsync(db, id, ct))!;
        var (version, _) = await agreements.CreateVersionAsync(file, null, municipalityApprover, ct);
        foreach (var party in file.Parties)
        {
            file = (await PartnershipFile.LoadAsync(db, id, ct))!;
            var (name, user) = party.Kind == PartyKind.Municipality ? (municipalityApprover, municipalityUser) : (organisationApprover, organisationUser);
            await agreements.ApproveAsync(file, version.Id, party, user ?? "", name, ct);
        }
    }

    private Party AddParty(Partnership p, PartyKind kind, Guid? tenantId, Guid? organisationId, string name, string? department, string benefit,
        params (string Name, string Role, string? Email)[] people)
    {
        var row = new PartnershipParty
        {
            PartnershipId = p.Id, Kind = kind, TenantId = tenantId, OrganisationId = organisationId, Name = name, Department = department,
            Benefit = benefit, JoinedAt = p.CreatedAt.AddTicks(kind == PartyKind.Municipality ? 0 : 1),
        };
        db.PartnershipParties().Add(row);
        var list = people.Select(x => new PartnershipPerson { PartnershipId = p.Id, PartyId = row.Id, Name = x.Name, Role = x.Role, Email = x.Email }).ToList();
        db.PartnershipPeople().AddRange(list);
        return new Party(row, list);
    }

    private void Answers(Guid id, Dictionary<string, string> answers, DateTime now) =>
        db.PartnershipAnswers().AddRange(answers.Select(a => new PartnershipAnswer { PartnershipId = id, Question = a.Key, Text = a.Value, UpdatedAt = now }));

    private void Contribute(Guid id, Party party, ContributionKind kind, string description, decimal value) =>
        db.PartnershipContributions().Add(new PartnershipContribution { PartnershipId = id, PartyId = party.Row.Id, Kind = kind, Description = description, Value = value });

    private PartnershipActivity Activity(Guid id, string title, DateOnly starts, DateOnly ends, bool milestone)
    {
        var a = new PartnershipActivity { PartnershipId = id, Title = title, StartsOn = starts, EndsOn = ends, IsMilestone = milestone };
        db.PartnershipActivities().Add(a);
        return a;
    }

    private void Raci(Guid id, PartnershipActivity activity, params (PartnershipPerson Person, RaciRole Role)[] cells)
    {
        foreach (var (person, role) in cells)
            db.PartnershipRaci().Add(new PartnershipRaci { PartnershipId = id, ActivityId = activity.Id, PersonId = person.Id, Role = role });
    }
}
