using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MyData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Audit entries hold user ids only: personal values in earlier change data are rewritten once.
            Samverka.Platform.Privacy.AuditPersonalDataRewrite.Up(migrationBuilder);
            migrationBuilder.DropColumn(
                name: "UserEmail",
                table: "AuditEntries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UserEmail",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }
    }
}
