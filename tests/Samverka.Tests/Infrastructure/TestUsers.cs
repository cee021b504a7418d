using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Platform.Data;
using Samverka.Platform.Identity;

namespace Samverka.Tests.Infrastructure;

/// Fresh accounts with one role, signed in, so a test can use its own people instead of changing the demo accounts.
public static class TestUsers
{
    public const string Password = "a long enough password";

    public static async Task<(HttpClient Client, string Email, string UserId)> SignedInAsync(this SamverkaFactory app, Role role,
        Guid? organisationId = null, Guid? tenantId = null)
    {
        var email = Web.UniqueEmail(role.ToString().ToLowerInvariant());
        string id;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, DisplayName = "Test " + role, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, OrganisationId = organisationId, TenantId = tenantId, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            id = user.Id;
        }
        var client = app.Browser();
        await client.SignInAsync(email, Password);
        return (client, email, id);
    }
}
