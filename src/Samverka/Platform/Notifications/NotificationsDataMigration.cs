using Microsoft.EntityFrameworkCore.Migrations;

namespace Samverka.Platform.Notifications;

/// The data rewrite of the migration that brought the notifications building block, kept outside the generated
/// migration so it survives the migrations being squashed or regenerated. Call MoveNeedsDigest after the new
/// tables are created and before NeedDigestSubscriptions is dropped. Plain SQL that both providers read alike.
public static class NotificationsDataMigration
{
    public static void MoveNeedsDigest(MigrationBuilder mb)
    {
        // A member who subscribed (for any of their organisations) chooses the weekly digest for "needs.fitting".
        mb.Sql("""
            INSERT INTO "NotificationPreferences" ("UserId", "Kind", "Rhythm", "UpdatedAt")
            SELECT s."UserId", 'needs.fitting', 3, MIN(s."CreatedAt")
            FROM "NeedDigestSubscriptions" s
            WHERE EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = s."UserId")
            GROUP BY s."UserId";
            """);
        // Their weekly digest goes on from where the old one stopped, so no need is sent twice or skipped.
        mb.Sql("""
            INSERT INTO "NotificationDigestStates" ("UserId", "DailySentUpTo", "WeeklySentUpTo")
            SELECT s."UserId", MIN(s."LastSentUpTo"), MIN(s."LastSentUpTo")
            FROM "NeedDigestSubscriptions" s
            WHERE EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = s."UserId")
            GROUP BY s."UserId";
            """);
        // The old job has no handler any more; the digest job replaces it.
        mb.Sql("""DELETE FROM "Jobs" WHERE "Type" = 'needs.digest' AND "Status" IN (1, 2);""");
    }
}
