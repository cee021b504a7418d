using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRowVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Stakeholders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "ProfileEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Partnerships",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "PartnershipPeople",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "PartnershipParties",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "PartnershipGoals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "PartnershipContributions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "PartnershipAnswers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "PartnershipActivities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "OrganisationServices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "OrganisationContacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Organisation",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Needs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "BudgetEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "AgreementVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Stakeholders");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ProfileEntries");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PartnershipPeople");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PartnershipParties");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PartnershipGoals");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PartnershipContributions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PartnershipAnswers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PartnershipActivities");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "OrganisationServices");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "OrganisationContacts");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "BudgetEvents");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AgreementVersions");
        }
    }
}
