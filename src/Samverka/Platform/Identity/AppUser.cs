using Microsoft.AspNetCore.Identity;

namespace Samverka.Platform.Identity;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<RoleAssignment> Roles { get; set; } = [];
}
