using Microsoft.AspNetCore.Identity;

namespace Samverka.Platform.Identity.Pages;

[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class AccountModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, IOrganisationDirectory organisations,
    Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    public AppUser Me { get; private set; } = default!;
    public List<RoleAssignment> Roles { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> OrganisationNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return Challenge();
        Me = me;
        Roles = await db.RoleAssignments.AsNoTracking().Include(r => r.Tenant)
            .Where(r => r.UserId == me.Id).OrderBy(r => r.Role).ToListAsync(ct);
        OrganisationNames = await organisations.NamesAsync(Roles.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId!.Value).ToList(), ct);
        return Page();
    }

    /// Ends every other session (a lost phone, a shared computer): a new security stamp invalidates every cookie
    /// issued before it; this browser gets a fresh one.
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return Challenge();
        await users.UpdateSecurityStampAsync(me);
        await signIn.RefreshSignInAsync(me);
        TempData["Flash"] = l["Account.SignedOutElsewhere"].Value;
        return Redirect("/account");
    }
}
