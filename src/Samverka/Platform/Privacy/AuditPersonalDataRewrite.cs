namespace Samverka.Platform.Privacy;

/// The one-time rewrite of audit entries written before entries held user ids only: the acting person's address
/// column is dropped by the migration, and each personal value in the change data (the properties that
/// AuditInterceptor.IsPersonal now hides) becomes {"changed":true}. Called from the migration that drops
/// AuditEntries.UserEmail; kept outside the Migrations folder so that it survives squashing. Plain SQL per provider
/// (SQLite's JSON1 functions, PostgreSQL's jsonb), so it needs no model and runs inside the migration's transaction.
public static class AuditPersonalDataRewrite
{
    /// The audited entity types and their personal properties at the time of the rewrite.
    public static readonly (string EntityType, string Property)[] PersonalValues =
    [
        ("Invitation", "Email"),
        ("Organisation", "ContactEmail"),
        ("OrganisationContact", "Email"),
        ("OrganisationContact", "Name"),
        ("Tenant", "ContactEmail"),
        ("ProfileEntry", "Email"),
        ("Stakeholder", "Name"),
        ("Need", "ContactEmail"),
        ("Need", "ContactName"),
        ("PartnershipPerson", "Email"),
        ("PartnershipPerson", "Name"),
        ("AgreementVersion", "CreatedBy"),
        ("AgreementApproval", "ApprovedBy"),
        ("CheckIn", "RecordedBy"),
        ("Decision", "DecidedBy"),
    ];

    public static IEnumerable<string> Statements(bool postgres) => PersonalValues.Select(v => postgres
        ? $$"""
           UPDATE "AuditEntries" SET "Changes" = jsonb_set("Changes"::jsonb, '{{{v.Property}}}', '{"changed":true}'::jsonb)::text
           WHERE "EntityType" = '{{v.EntityType}}' AND ("Changes"::jsonb -> '{{v.Property}}') IS NOT NULL
           """
        : $$"""
           UPDATE "AuditEntries" SET "Changes" = json_set("Changes", '$.{{v.Property}}', json('{"changed":true}'))
           WHERE "EntityType" = '{{v.EntityType}}' AND json_type("Changes", '$.{{v.Property}}') IS NOT NULL
           """);

    public static void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migration)
    {
        var postgres = migration.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        foreach (var sql in Statements(postgres)) migration.Sql(sql);
    }
}
