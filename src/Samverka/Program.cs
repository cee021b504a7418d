using Samverka.Features.Admin;
using Samverka.Features.Advisor;
using Samverka.Features.Home;
using Samverka.Features.Knowledge;
using Samverka.Features.Municipalities;
using Samverka.Features.Needs;
using Samverka.Features.Register;
using Samverka.Platform;
using Samverka.Platform.Modules;

var builder = WebApplication.CreateBuilder(args);
builder.AddSamverkaPlatform();
builder.AddModule<HomeModule>();
builder.AddModule<MunicipalitiesModule>();
builder.AddModule<RegisterModule>();
builder.AddModule<NeedsModule>();
builder.AddModule<Samverka.Features.Partnerships.PartnershipsModule>();
builder.AddModule<Samverka.Features.Funding.FundingModule>();
builder.AddModule<AdvisorModule>();
builder.AddModule<KnowledgeModule>();
builder.AddModule<AdminModule>();

var app = builder.Build();
app.UseSamverkaPlatform();
app.MapModules();
return await app.RunSamverkaAsync(args);

// Lets WebApplicationFactory find the entry point.
public partial class Program;
