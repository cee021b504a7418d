using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Register : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgeFrom",
                table: "Organisation",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgeTo",
                table: "Organisation",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Areas",
                table: "Organisation",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "ConfirmationRequestsSent",
                table: "Organisation",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FoundedYear",
                table: "Organisation",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Freshness",
                table: "Organisation",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Languages",
                table: "Organisation",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastConfirmedAt",
                table: "Organisation",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "LogoUrl",
                table: "Organisation",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Members",
                table: "Organisation",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MunicipalitiesServed",
                table: "Organisation",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "OtherNames",
                table: "Organisation",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Organisation",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "Organisation",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SocialLinks",
                table: "Organisation",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "Staff",
                table: "Organisation",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Organisation",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TargetGroups",
                table: "Organisation",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAt",
                table: "Organisation",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Volunteers",
                table: "Organisation",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrganisationContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationContacts_Organisation_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationLocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationLocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationLocations_Organisation_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegisterChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsFree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Cost = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LocationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationServices_OrganisationLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "OrganisationLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OrganisationServices_Organisation_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organisation_OrganisationNumber",
                table: "Organisation",
                column: "OrganisationNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Organisation_Status_LastConfirmedAt",
                table: "Organisation",
                columns: new[] { "Status", "LastConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationContacts_OrganisationId",
                table: "OrganisationContacts",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationLocations_OrganisationId",
                table: "OrganisationLocations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationServices_LocationId",
                table: "OrganisationServices",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationServices_OrganisationId",
                table: "OrganisationServices",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganisationContacts");

            migrationBuilder.DropTable(
                name: "OrganisationServices");

            migrationBuilder.DropTable(
                name: "RegisterChanges");

            migrationBuilder.DropTable(
                name: "OrganisationLocations");

            migrationBuilder.DropIndex(
                name: "IX_Organisation_OrganisationNumber",
                table: "Organisation");

            migrationBuilder.DropIndex(
                name: "IX_Organisation_Status_LastConfirmedAt",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "AgeFrom",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "AgeTo",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "Areas",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "ConfirmationRequestsSent",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "FoundedYear",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "Freshness",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "LastConfirmedAt",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "LogoUrl",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "Members",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "MunicipalitiesServed",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "OtherNames",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "SocialLinks",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "Staff",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "TargetGroups",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "Volunteers",
                table: "Organisation");
        }
    }
}
