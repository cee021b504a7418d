using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Features.Advisor;
using Samverka.Features.Needs;
using Samverka.Features.Needs.Matching;
using Samverka.Features.Partnerships;
using Samverka.Features.Partnerships.Running;
using Samverka.Features.Register;
using Samverka.Platform.Audit;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;
using Samverka.Platform.Privacy;
using Samverka.Platform.Tenancy;
using Samverka.Tests.Infrastructure;

namespace Samverka.Tests.Platform;

/// Issue 16, "my data": every column that can name a person is declared by a feature, the download holds every row
/// that names the person, deletion leaves none outside the tombstoned audit log, the last administrator cannot
/// leave, an e-mail change is confirmed at the new address and told to the old one, and audit entries keep ids only.
public abstract class PersonalDataTests(AppFixture fx)
{
    private SamverkaFactory App => fx.App;

    private IReadOnlyList<PersonalColumn> Declared()
    {
        using var scope = App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PersonalDataCatalogue>().Columns.ToList();
    }

    // ---- The model walk

    [Fact]
    public void Every_column_that_can_name_a_person_is_declared_by_a_personal_data_source()
    {
        var declared = Declared();
        var model = App.With(db => db.Model);
        var undeclared = PersonalDataCoverage.Undeclared(model, declared);
        Assert.True(undeclared.Count == 0, "Not declared by any IPersonalDataSource:\n" + string.Join("\n", undeclared));
        var unknown = PersonalDataCoverage.Unknown(model, declared);
        Assert.True(unknown.Count == 0, "Declared but not in the model:\n" + string.Join("\n", unknown));
        // The walk finds the kinds it is meant to find, so an empty answer above means something.
        var found = PersonalDataCoverage.PersonalColumns(model);
        Assert.Contains(new PersonalColumn("NeedFollowers", "UserId", PersonKey.UserId), found);
        Assert.Contains(new PersonalColumn("Invitations", "Email", PersonKey.Email), found);
        Assert.Contains(new PersonalColumn("PartnershipCheckIns", "RecordedBy", PersonKey.Name), found);
        Assert.Contains(new PersonalColumn("AspNetUserLogins", "UserId", PersonKey.UserId), found);
    }

    /// The test of the test: a column no source declares is reported.
    [Fact]
    public void The_walk_reports_a_column_that_no_source_declares()
    {
        var model = App.With(db => db.Model);
        var declared = Declared().Where(c => !(c.Table == "NeedFollowers" && c.Column == "UserId")).ToList();
        var undeclared = PersonalDataCoverage.Undeclared(model, declared);
        Assert.Equal<PersonalColumn>(new[] { new PersonalColumn("NeedFollowers", "UserId", PersonKey.UserId) }, undeclared);
        var withTypo = Declared().Append(new PersonalColumn("Nowhere", "UserId", PersonKey.UserId)).ToList();
        Assert.Equal<PersonalColumn>(new[] { new PersonalColumn("Nowhere", "UserId", PersonKey.UserId) }, PersonalDataCoverage.Unknown(model, withTypo));
    }

    // ---- Export

    private static string ValueFor(PersonalColumn c, DataSubject p) => c.Key switch
    {
        PersonKey.UserId => p.UserId,
        PersonKey.Email => p.UpperEmail,
        _ => p.DisplayName,
    };

    /// Rows of the column that name the person, counted in the database itself.
    private static async Task<int> CountAsync(AppDbContext db, PersonalColumn c, DataSubject p)
    {
        var where = c.Key == PersonKey.Email ? $"UPPER(\"{c.Column}\") = {{0}}" : $"\"{c.Column}\" = {{0}}";
        return await db.Database.SqlQueryRaw<int>($"SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM \"{c.Table}\" WHERE {where}", ValueFor(c, p))
            .SingleAsync();
    }

    private static bool Names(PersonalColumn c, DataSubject p, string? value) => value is not null && (c.Key == PersonKey.Email
        ? value.Trim().ToUpperInvariant() == p.UpperEmail
        : value == ValueFor(c, p));

    [Theory]
    [InlineData("admin@samverka.example")]
    [InlineData("kommunadmin@borlange.example")]
    [InlineData("handlaggare@borlange.example")]
    [InlineData("samordnare@borlange.example")]
    [InlineData("admin@dalia.example")]
    [InlineData("medlem@dalia.example")]
    public async Task The_download_holds_every_row_that_names_the_person(string email)
    {
        var client = App.Browser();
        await client.SignInAsync(email);
        var response = await client.GetAsync("/my/data.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var tables = json.RootElement.GetProperty("tables").EnumerateArray()
            .GroupBy(t => t.GetProperty("table").GetString()!)
            .ToDictionary(g => g.Key, g => g.SelectMany(t => t.GetProperty("rows").EnumerateArray()).ToList());

        var person = await App.WithAsync(db => db.Users.Where(u => u.Email == email)
            .Select(u => new DataSubject(u.Id, u.Email, u.DisplayName)).SingleAsync());
        var checkedColumns = 0;
        foreach (var column in Declared())
        {
            var count = await App.WithAsync(db => CountAsync(db, column, person));
            if (count == 0) continue;
            checkedColumns++;
            Assert.True(tables.TryGetValue(column.Table, out var rows), $"{email}: {column.Table} has {count} row(s) naming them in {column.Column}, the download none");
            var exported = rows!.Count(r => r.TryGetProperty(column.Column, out var v) && Names(column, person, v.ValueKind == JsonValueKind.String ? v.GetString() : null));
            Assert.True(exported == count, $"{email}: {column.Table}.{column.Column} names them in {count} row(s), the download in {exported}");
        }
        Assert.True(checkedColumns > 0);

        // The readable page shows the same, by part.
        var page = await client.HtmlAsync("/my/data");
        Assert.Contains("/my/data.json", page);
        Assert.Contains("/my/notifications", page);
        Assert.Contains("/my/email", page);
        Assert.Contains("/my/delete", page);
        Assert.Contains(person.UserId, page);
    }

    [Fact]
    public async Task My_data_is_for_the_signed_in_person_only()
    {
        var anonymous = App.Browser();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/my/data")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/my/data.json")).StatusCode);
        var (client, email, _) = await App.SignedInAsync(Role.OrganisationMember, organisationId: await DaliaAsync());
        var json = await (await client.GetAsync("/my/data.json")).Content.ReadAsStringAsync();
        Assert.Contains(email, json);
        Assert.DoesNotContain("admin@dalia.example", json);
    }

    private Task<Guid> DaliaAsync() => App.WithAsync(db => db.Organisations().Where(o => o.Name == "Tjejjouren Dalia").Select(o => o.Id).SingleAsync());

    // ---- Deletion

    private sealed record Planted(List<Guid> Questions, List<Guid> Responses, List<Guid> NeedInvitations, List<Guid> People, List<Guid> CheckIns,
        List<Guid> Decisions, List<Guid> Contacts, List<Guid> Advice);

    /// A person with data in every feature: a role, an invitation to and from them, a followed need and the digest,
    /// a question, a response and an invitation on a need, saved advice, a register contact, a partnership contact
    /// person, a check-in and a decision under their name, and audit entries that name them.
    private async Task<Planted> PlantAsync(DataSubject p, Guid dalia)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var need = await db.Needs().AcrossTenants().FirstAsync(n => n.Status == NeedStatus.Open);
        var partnership = await db.Partnerships().FirstAsync(x => db.PartnershipParties().Any(pp => pp.PartnershipId == x.Id && pp.OrganisationId == dalia));
        var party = await db.PartnershipParties().FirstAsync(x => x.PartnershipId == partnership.Id);
        var planted = new Planted([], [], [], [], [], [], [], []);
        db.Invitations.Add(new Invitation { Email = p.Email!.ToUpperInvariant(), Role = Role.OrganisationMember, OrganisationId = dalia, TokenHash = Guid.NewGuid().ToString("N"),
            InvitedByUserId = p.UserId, CreatedAt = now, ExpiresAt = now.AddDays(1) });
        db.NeedFollowers().Add(new NeedFollower { NeedId = need.Id, UserId = p.UserId, CreatedAt = now });
        db.Set<Samverka.Platform.Notifications.NotificationPreference>().Add(new() { UserId = p.UserId, Kind = "needs.fitting", Rhythm = Samverka.Platform.Notifications.Rhythm.WeeklyDigest, UpdatedAt = now });
        var question = new NeedQuestion { NeedId = need.Id, TenantId = need.TenantId, AskedByUserId = p.UserId, Text = "Planted question", AskedAt = now,
            Answer = "Planted answer", AnsweredAt = now, AnsweredByUserId = p.UserId };
        var response = new NeedResponse { NeedId = need.Id, TenantId = need.TenantId, OrganisationId = dalia, Kind = NeedResponseKind.Interest, Text = "Planted", SubmittedByUserId = p.UserId, SubmittedAt = now };
        db.NeedQuestions().Add(question);
        db.NeedResponses().Add(response);
        var advice = new SavedAdvice { UserId = p.UserId, Year = 2026, CreatedAt = now };
        db.SavedAdvice().Add(advice);
        var contact = new OrganisationContact { OrganisationId = dalia, Role = "Planted", Name = p.DisplayName, Email = p.Email, Phone = "070-000 00 00" };
        db.Add(contact);
        var person = new PartnershipPerson { PartnershipId = partnership.Id, PartyId = party.Id, Name = p.DisplayName, Email = p.Email };
        db.PartnershipPeople().Add(person);
        var checkIn = new CheckIn { PartnershipId = partnership.Id, HeldOn = DateOnly.FromDateTime(now), Progress = "Planted", RecordedBy = p.DisplayName, CreatedAt = now };
        var decision = new Decision { PartnershipId = partnership.Id, DecidedOn = DateOnly.FromDateTime(now), Text = "Planted", DecidedBy = p.DisplayName, CreatedAt = now };
        db.CheckIns().Add(checkIn);
        db.Decisions().Add(decision);
        db.AuditEntries.Add(new AuditEntry { At = now, UserId = p.UserId, EntityType = "NeedQuestion", EntityId = question.Id.ToString(),
            Action = AuditAction.Created, Changes = JsonSerializer.Serialize(new Dictionary<string, object> { ["AskedByUserId"] = new { to = p.UserId } }) });
        await db.SaveChangesAsync();
        return planted with
        {
            Questions = [question.Id], Responses = [response.Id], People = [person.Id], CheckIns = [checkIn.Id], Decisions = [decision.Id],
            Contacts = [contact.Id], Advice = [advice.Id],
        };
    }

    /// The shared records stay after a deletion; the test removes its own so the demo data is as it found it.
    private Task CleanUpAsync(Planted planted) => App.WithAsync(async db =>
    {
        await db.NeedQuestions().AcrossTenants().Where(x => planted.Questions.Contains(x.Id)).ExecuteDeleteAsync();
        await db.NeedResponses().AcrossTenants().Where(x => planted.Responses.Contains(x.Id)).ExecuteDeleteAsync();
        await db.PartnershipPeople().Where(x => planted.People.Contains(x.Id)).ExecuteDeleteAsync();
        await db.CheckIns().Where(x => planted.CheckIns.Contains(x.Id)).ExecuteDeleteAsync();
        await db.Decisions().Where(x => planted.Decisions.Contains(x.Id)).ExecuteDeleteAsync();
        await db.Set<OrganisationContact>().Where(x => planted.Contacts.Contains(x.Id)).ExecuteDeleteAsync();
        await db.SavedAdvice().Where(x => planted.Advice.Contains(x.Id)).ExecuteDeleteAsync();
        return 0;
    });

    [Fact]
    public async Task Deleting_an_account_leaves_no_row_naming_the_person_but_the_tombstoned_audit_log()
    {
        var dalia = await DaliaAsync();
        var (client, email, userId) = await App.SignedInAsync(Role.OrganisationMember, organisationId: dalia);
        var name = "Planted Person " + Guid.NewGuid().ToString("N")[..8];
        await App.WithAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name)));
        var person = new DataSubject(userId, email, name);
        var planted = await PlantAsync(person, dalia);
        try
        {
            // Every planted row is in the download before.
            var before = await (await client.GetAsync("/my/data.json")).Content.ReadAsStringAsync();
            foreach (var table in new[] { "NeedFollowers", "NotificationPreferences", "NeedQuestions", "NeedResponses", "SavedAdvice", "OrganisationContacts",
                         "PartnershipPeople", "PartnershipCheckIns", "PartnershipDecisions", "Invitations", "RoleAssignments", "AuditEntries" })
                Assert.Contains($"\"table\": \"{table}\"", before);

            // Mail to the person is kept in the job queue: it goes too.
            await client.SubmitAsync("/my/email", new Dictionary<string, string> { ["Input.Email"] = Web.UniqueEmail("elsewhere"), ["Input.CurrentPassword"] = TestUsers.Password });
            await App.WaitForMailQueueAsync();
            Assert.True(await App.WithAsync(db => db.Jobs.AnyAsync(j => j.Payload.Contains(email))));

            var page = await client.HtmlAsync("/my/delete");
            Assert.Contains("name=\"Input.Password\"", page);
            var wrong = await client.SubmitAsync("/my/delete", new Dictionary<string, string> { ["Input.Password"] = "not the password" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.True(await App.WithAsync(db => db.Users.AnyAsync(u => u.Id == userId)));

            var deleted = await client.SubmitAsync("/my/delete", new Dictionary<string, string> { ["Input.Password"] = TestUsers.Password });
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            Assert.Equal("/my/delete/done", deleted.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my/delete/done")).StatusCode);
            // Signed out: the next private page asks for sign-in.
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/my/data")).StatusCode);

            foreach (var column in Declared())
            {
                var count = await App.WithAsync(db => CountAsync(db, column, person));
                Assert.True(count == 0, $"{column.Table}.{column.Column} still names the person in {count} row(s)");
            }
            // The audit log keeps what happened, under a tombstone, and records the replacement itself.
            var entries = await App.WithAsync(db => db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityId == planted.Questions[0].ToString() || a.EntityType == "Account").ToListAsync());
            var tombstoned = entries.Single(a => a.EntityType == "NeedQuestion" && a.UserId != null && a.UserId.StartsWith(AccountDeletion.TombstonePrefix, StringComparison.Ordinal));
            Assert.DoesNotContain(userId, tombstoned.Changes);
            Assert.Contains(tombstoned.UserId!, tombstoned.Changes);
            Assert.Single(entries, a => a.EntityType == "Account" && a.EntityId == tombstoned.UserId && a.Action == AuditAction.Deleted);
            Assert.False(await App.WithAsync(db => db.AuditEntries.AnyAsync(a => a.Changes.Contains(userId) || a.UserId == userId)));
            Assert.False(await App.WithAsync(db => db.Jobs.AnyAsync(j => j.Payload.Contains(email) || j.Payload.Contains(userId))));

            // Shared records stay without the person.
            var question = await App.WithAsync(db => db.NeedQuestions().AcrossTenants().SingleAsync(q => q.Id == planted.Questions[0]));
            Assert.Equal("Planted answer", question.Answer);
            Assert.Equal("", question.AskedByUserId);
            var checkIn = await App.WithAsync(db => db.CheckIns().SingleAsync(c => c.Id == planted.CheckIns[0]));
            Assert.Equal(PersonalData.RemovedName, checkIn.RecordedBy);
            Assert.True(await App.WithAsync(db => db.Set<OrganisationContact>().AnyAsync(c => c.Id == planted.Contacts[0] && c.Email == null && c.Phone != null)));
        }
        finally
        {
            await CleanUpAsync(planted);
        }
    }

    [Fact]
    public async Task The_last_administrator_of_an_organisation_cannot_delete_their_account()
    {
        var orphan = await App.WithAsync(db => db.Organisations()
            .Where(o => !db.RoleAssignments.Any(r => r.OrganisationId == o.Id && r.Role == Role.OrganisationAdmin))
            .Select(o => new { o.Id, o.Name }).FirstAsync());
        var (client, _, userId) = await App.SignedInAsync(Role.OrganisationAdmin, organisationId: orphan.Id);
        try
        {
            var page = await client.HtmlAsync("/my/delete");
            Assert.Contains($"/organisations/{orphan.Id}/team", page);
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(orphan.Name), page);
            Assert.DoesNotContain("name=\"Input.Password\"", page);
            // A post made anyway (a form from before) is refused too.
            var token = Web.Token(await client.HtmlAsync("/my/email"));
            var refused = await client.PostAsync("/my/delete", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Password"] = TestUsers.Password,
            }));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.True(await App.WithAsync(db => db.Users.AnyAsync(u => u.Id == userId)));

            // With a second administrator the same person may go.
            var (_, _, otherId) = await App.SignedInAsync(Role.OrganisationAdmin, organisationId: orphan.Id);
            var page2 = await client.HtmlAsync("/my/delete");
            Assert.Contains("name=\"Input.Password\"", page2);
            await App.WithAsync(db => db.RoleAssignments.Where(r => r.UserId == otherId).ExecuteDeleteAsync());
        }
        finally
        {
            await App.WithAsync(db => db.RoleAssignments.Where(r => r.UserId == userId).ExecuteDeleteAsync());
        }
    }

    // ---- E-mail change

    [Fact]
    public async Task An_email_change_is_confirmed_at_the_new_address_told_to_the_old_and_applies_only_on_confirmation()
    {
        var (client, oldEmail, userId) = await App.SignedInAsync(Role.OrganisationMember, organisationId: await DaliaAsync());
        var newEmail = Web.UniqueEmail("moved");

        var wrongPassword = await client.SubmitAsync("/my/email", new Dictionary<string, string> { ["Input.Email"] = newEmail, ["Input.CurrentPassword"] = "wrong password" });
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Contains("field--error", await wrongPassword.Content.ReadAsStringAsync());

        var asked = await client.SubmitAsync("/my/email", new Dictionary<string, string> { ["Input.Email"] = newEmail, ["Input.CurrentPassword"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var confirm = await App.WaitForMailAsync(newEmail);
        var notice = await App.WaitForMailAsync(oldEmail, m => m.TextBody.Contains(newEmail));
        Assert.Contains("http://localhost/my/email/confirm?", confirm.TextBody);
        Assert.Contains("/account/forgot-password", notice.TextBody);

        // Nothing has changed yet.
        Assert.Equal(oldEmail, await App.WithAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync()));

        // A link with another address than the one it was made for does not work.
        var link = Web.LinkIn(confirm, "/my/email/confirm");
        var forged = System.Text.RegularExpressions.Regex.Replace(link, "email=[^&]+", "email=" + Uri.EscapeDataString(Web.UniqueEmail("forged")));
        Assert.NotEqual(link, forged);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Browser().GetAsync(forged)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await App.Browser().GetAsync(link)).StatusCode);
        var user = await App.WithAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.Equal(newEmail, user.Email);
        Assert.Equal(newEmail, user.UserName);
        Assert.True(user.EmailConfirmed);
        await App.WaitForMailAsync(oldEmail, m => m.Subject.Contains("bytt") || m.Subject.Contains("changed"));

        // The new address signs in; the link works once.
        await App.Browser().SignInAsync(newEmail, TestUsers.Password);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Browser().GetAsync(link)).StatusCode);
    }

    // ---- Audit entries hold ids only

    [Fact]
    public async Task Audit_change_data_holds_no_address_or_name_after_a_write()
    {
        // A fresh administrator: the demo one's invitations count against the per-client mail limit in other tests.
        var borlange = await App.WithAsync(db => db.Tenants.Where(t => t.Code == "2081").Select(t => t.Id).SingleAsync());
        var (admin, adminEmail, adminId) = await App.SignedInAsync(Role.MunicipalityAdmin, tenantId: borlange);
        var email = Web.UniqueEmail("audit-pii");
        await admin.SubmitAsync("/invitations/new?tenant=2081", new Dictionary<string, string>
        {
            ["tenant"] = "2081", ["Input.Email"] = email, ["Input.Role"] = "Officer",
        });
        var invitation = await App.WithAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == email));
        var entry = await App.WithAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Invitation" && a.EntityId == invitation.Id.ToString()));
        Assert.DoesNotContain(email, entry.Changes);
        Assert.DoesNotContain(adminEmail, entry.Changes);
        Assert.Contains("\"Email\":{\"changed\":true}", entry.Changes);
        Assert.Equal(adminId, entry.UserId);
        // The log's page still says what changed.
        Assert.Contains("personuppgift", await admin.HtmlAsync("/audit?tenant=2081"));
    }

    [Fact]
    public async Task The_one_time_rewrite_removes_addresses_and_names_from_earlier_entries()
    {
        var email = Web.UniqueEmail("old-entry");
        var name = "Old Name " + Guid.NewGuid().ToString("N")[..8];
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        await App.WithAsync(db =>
        {
            db.AuditEntries.AddRange(
                new AuditEntry { Id = ids[0], At = DateTime.UtcNow, EntityType = "Invitation", EntityId = Guid.NewGuid().ToString(), Action = AuditAction.Created,
                    Changes = JsonSerializer.Serialize(new Dictionary<string, object> { ["Email"] = new { to = email }, ["Role"] = new { to = 3 } }) },
                new AuditEntry { Id = ids[1], At = DateTime.UtcNow, EntityType = "CheckIn", EntityId = Guid.NewGuid().ToString(), Action = AuditAction.Modified,
                    Changes = JsonSerializer.Serialize(new Dictionary<string, object> { ["RecordedBy"] = new { from = name, to = "Someone" } }) },
                // An entity without personal values is left as it is.
                new AuditEntry { Id = ids[2], At = DateTime.UtcNow, EntityType = "Need", EntityId = Guid.NewGuid().ToString(), Action = AuditAction.Modified,
                    Changes = JsonSerializer.Serialize(new Dictionary<string, object> { ["Title"] = new { from = "A", to = "B" } }) });
            return db.SaveChangesAsync();
        });
        await App.WithAsync(async db =>
        {
            foreach (var sql in AuditPersonalDataRewrite.Statements(db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"))
                await db.Database.ExecuteSqlRawAsync(sql.Replace("{", "{{").Replace("}", "}}")); // EF formats raw SQL; migrations do not
            return 0;
        });
        var after = await App.WithAsync(db => db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Changes));
        Assert.DoesNotContain(email, after[ids[0]]);
        Assert.Contains("\"changed\"", after[ids[0]]);
        Assert.Contains("Role", after[ids[0]]);
        Assert.DoesNotContain(name, after[ids[1]]);
        Assert.DoesNotContain("Someone", after[ids[1]]);
        using (var doc = JsonDocument.Parse(after[ids[2]]))
            Assert.Equal("B", doc.RootElement.GetProperty("Title").GetProperty("to").GetString());
    }
}

[Collection(SqliteCollection.Name)] public sealed class PersonalDataTestsOnSqlite(SqliteApp fx) : PersonalDataTests(fx);
[Collection(PostgresCollection.Name)] public sealed class PersonalDataTestsOnPostgres(PostgresApp fx) : PersonalDataTests(fx);
