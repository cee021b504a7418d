using Microsoft.EntityFrameworkCore.Metadata;

namespace Samverka.Platform.Privacy;

/// Walks the EF model for every column that can name a person, so a later feature that stores one cannot be left
/// out of the download and the deletion: a foreign key to the accounts table, a string named …UserId or …By (an id or
/// a name copied in), a column named …Email, and the accounts table's own columns that identify the person.
public static class PersonalDataCoverage
{
    /// Columns the conventions find that never name a person, each with its reason.
    private static readonly (string Table, string Column)[] NotPersonal =
    [
        ("Jobs", "LockedBy"), // the name of the app instance that runs a job
    ];

    private static readonly string[] AccountColumns = ["Id", "Email", "NormalizedEmail", "UserName", "NormalizedUserName", "DisplayName"];

    public static IReadOnlyList<PersonalColumn> PersonalColumns(IModel model)
    {
        var found = new List<PersonalColumn>();
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var isAccount = entity.ClrType == typeof(AppUser);
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(store);
                if (column is null) continue;
                var name = property.Name;
                PersonKey? key =
                    isAccount && AccountColumns.Contains(name) ? (name is "DisplayName" ? PersonKey.Name : name is "Id" ? PersonKey.UserId : PersonKey.Email)
                    : property.GetContainingForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(AppUser)) ? PersonKey.UserId
                    : property.ClrType != typeof(string) ? null
                    : name.EndsWith("UserId", StringComparison.Ordinal) ? PersonKey.UserId
                    : name.EndsWith("Email", StringComparison.Ordinal) ? PersonKey.Email
                    : name.EndsWith("By", StringComparison.Ordinal) ? PersonKey.Name
                    : null;
                if (key is { } k && !NotPersonal.Contains((table, column))) found.Add(new PersonalColumn(table, column, k));
            }
        }
        return found;
    }

    /// Columns that can name a person and that no source declares.
    public static IReadOnlyList<PersonalColumn> Undeclared(IModel model, IEnumerable<PersonalColumn> declared)
    {
        var set = declared.Select(c => (c.Table, c.Column)).ToHashSet();
        return PersonalColumns(model).Where(c => !set.Contains((c.Table, c.Column))).ToList();
    }

    /// Declared columns the model does not have (a typo, or a column since renamed).
    public static IReadOnlyList<PersonalColumn> Unknown(IModel model, IEnumerable<PersonalColumn> declared)
    {
        var columns = model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties().Select(p => (e.GetTableName()!, p.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema())))))
            .ToHashSet();
        return declared.Where(c => !columns.Contains((c.Table, c.Column))).ToList();
    }
}
