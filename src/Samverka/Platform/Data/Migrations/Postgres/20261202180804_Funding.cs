using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Goals = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    LegalForms = table.Column<int[]>(type: "integer[]", nullable: false),
                    LocalOnly = table.Column<bool>(type: "boolean", nullable: false),
                    MinimumMembers = table.Column<int>(type: "integer", nullable: true),
                    AgeFrom = table.Column<int>(type: "integer", nullable: true),
                    AgeTo = table.Column<int>(type: "integer", nullable: true),
                    Budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    PaymentSchedule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Recurrence = table.Column<int>(type: "integer", nullable: false),
                    Decider = table.Column<int>(type: "integer", nullable: false),
                    Late = table.Column<int>(type: "integer", nullable: false),
                    LateReductionPercent = table.Column<int>(type: "integer", nullable: true),
                    RequiredDocuments = table.Column<List<string>>(type: "text[]", nullable: false),
                    ReportingRequirements = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReportDueDays = table.Column<int>(type: "integer", nullable: false),
                    AppealInformation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Pot = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Opens = table.Column<DateOnly>(type: "date", nullable: false),
                    Closes = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Weight = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Group = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Help = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    Choices = table.Column<List<string>>(type: "text[]", nullable: false)
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
