// The namespaces nearly every page, module and rule imports: the platform's own building blocks and the framework
// parts every feature stands on. Anything more particular is imported where it is used.
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
global using System.ComponentModel.DataAnnotations;
global using System.Globalization;
global using Samverka.Platform.Audit;
global using Samverka.Platform.Data;
global using Samverka.Platform.Identity;
global using Samverka.Platform.Localization;
global using Samverka.Platform.Tenancy;
global using Samverka.Platform.UI;
