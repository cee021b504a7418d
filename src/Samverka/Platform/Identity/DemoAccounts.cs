using Microsoft.AspNetCore.Identity;
using Samverka.Platform.Modules;

namespace Samverka.Platform.Identity;

/// One demo account per role. Loaded only into the embedded demo database or by the explicit `seed` command;
/// the shared password is published in the README, so never seed a production database.
public sealed class DemoAccounts(UserManager<AppUser> users, AppDbContext db, TimeProvider clock) : IDemoSeeder
{
    public const string Password = "samverka-demo-2026";

    public sealed record Account(string Email, string Name, Role Role, string? TenantCode, string? OrganisationName);

    public static readonly Account[] All =
    [
        new("admin@samverka.example", "Alva Admin", Role.PlatformAdmin, null, null),
        new("kommunadmin@borlange.example", "Kim Kommunadmin", Role.MunicipalityAdmin, "2081", null),
        new("handlaggare@borlange.example", "Hanna Handläggare", Role.Officer, "2081", null),
        new("samordnare@borlange.example", "Sam Samordnare", Role.Coordinator, "2081", null),
        new("handlaggare@falun.example", "Filip Falun", Role.Officer, "2080", null),
        new("admin@dalia.example", "Dana Dalia", Role.OrganisationAdmin, null, "Tjejjouren Dalia"),
        new("medlem@dalia.example", "Mira Medlem", Role.OrganisationMember, null, "Tjejjouren Dalia"),
    ];

    public int Order => 30;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var a in All)
        {
            var user = await users.FindByEmailAsync(a.Email);
            if (user is null)
            {
                user = new AppUser { UserName = a.Email, Email = a.Email, DisplayName = a.Name, EmailConfirmed = true, CreatedAt = now };
                var result = await users.CreateAsync(user, Password);
                if (!result.Succeeded)
                    throw new InvalidOperationException($"Demo account {a.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
            Guid? tenantId = a.TenantCode is null ? null : (await db.Tenants.SingleAsync(t => t.Code == a.TenantCode, ct)).Id;
            // Organisation roles are given by the register's own seed, which knows the organisations.
            if (a.Role.IsOrganisationRole()) continue;
            if (!await db.RoleAssignments.AnyAsync(r => r.UserId == user.Id && r.Role == a.Role && r.TenantId == tenantId, ct))
                db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = a.Role, TenantId = tenantId, CreatedAt = now });
        }
        await db.SaveChangesAsync(ct);
    }

    public static void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Demo accounts (password for all: {Password}):");
        foreach (var a in All)
            output.WriteLine($"  {a.Email,-32} {a.Role,-20} {a.TenantCode ?? a.OrganisationName ?? "platform"}");
        output.WriteLine();
    }
}
