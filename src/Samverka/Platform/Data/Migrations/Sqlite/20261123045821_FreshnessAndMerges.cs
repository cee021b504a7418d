using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FreshnessAndMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmationRequestedAt",
                table: "Organisation",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrganisationMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationMerges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMerges_SourceId",
                table: "OrganisationMerges",
                column: "SourceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMerges_TargetId",
                table: "OrganisationMerges",
                column: "TargetId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganisationMerges");

            migrationBuilder.DropColumn(
                name: "ConfirmationRequestedAt",
                table: "Organisation");
        }
    }
}
