using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrganisationMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    MergedByUserId = table.Column<string>(type: "text", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
