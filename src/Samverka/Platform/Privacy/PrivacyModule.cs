namespace Samverka.Platform.Privacy;

public static class PrivacyModule
{
    public static IServiceCollection AddSamverkaPrivacy(this IServiceCollection services)
    {
        services.AddScoped<PersonalDataCatalogue>();
        services.AddScoped<AccountDeletion>();
        services.AddPersonalDataSource<PlatformPersonalData>();
        return services;
    }
}
