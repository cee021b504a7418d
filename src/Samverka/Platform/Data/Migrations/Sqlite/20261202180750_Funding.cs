using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Funding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GrantProgrammes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Goals = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Areas = table.Column<string>(type: "TEXT", nullable: false),
                    LegalForms = table.Column<string>(type: "TEXT", nullable: false),
                    LocalOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinimumMembers = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeFrom = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeTo = table.Column<int>(type: "INTEGER", nullable: true),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PaymentSchedule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Recurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    Decider = table.Column<int>(type: "INTEGER", nullable: false),
                    Late = table.Column<int>(type: "INTEGER", nullable: false),
                    LateReductionPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiredDocuments = table.Column<string>(type: "TEXT", nullable: false),
                    ReportingRequirements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReportDueDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AppealInformation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantProgrammes_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Pot = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Opens = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantCalls_GrantProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "GrantProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantCalls_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GrantCalls_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeCriteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeCriteria_GrantProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "GrantProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Help = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeQuestions_GrantProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "GrantProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GrantCalls_NeedId",
                table: "GrantCalls",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantCalls_ProgrammeId",
                table: "GrantCalls",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantCalls_Status_Closes",
                table: "GrantCalls",
                columns: new[] { "Status", "Closes" });

            migrationBuilder.CreateIndex(
                name: "IX_GrantCalls_TenantId",
                table: "GrantCalls",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantProgrammes_TenantId",
                table: "GrantProgrammes",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeCriteria_ProgrammeId_Order",
                table: "ProgrammeCriteria",
                columns: new[] { "ProgrammeId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeQuestions_ProgrammeId_Order",
                table: "ProgrammeQuestions",
                columns: new[] { "ProgrammeId", "Order" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GrantCalls");

            migrationBuilder.DropTable(
                name: "ProgrammeCriteria");

            migrationBuilder.DropTable(
                name: "ProgrammeQuestions");

            migrationBuilder.DropTable(
                name: "GrantProgrammes");
        }
    }
}
