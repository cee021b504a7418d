using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganisationPendingChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PendingChangeAt",
                table: "Organisation",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PendingHomeMunicipalityId",
                table: "Organisation",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingName",
                table: "Organisation",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisation_PendingHomeMunicipalityId",
                table: "Organisation",
                column: "PendingHomeMunicipalityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisation_PendingHomeMunicipalityId",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "PendingChangeAt",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "PendingHomeMunicipalityId",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "PendingName",
                table: "Organisation");
        }
    }
}
