using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Partnerships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublicMoney = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AdviceToken = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CheckInEveryDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RenewalMonthsBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    RenewalTalksStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Ladder = table.Column<string>(type: "TEXT", nullable: false),
                    ConfidentialFields = table.Column<string>(type: "TEXT", nullable: false),
                    ConfidentialReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CheckInReminderSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RenewalReminderSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Document = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FrozenAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementVersions_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsMilestone = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipActivities_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipAnswers_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipCheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Blockers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Celebrate = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipCheckIns_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipDecisions_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Baseline = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipGoals_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Benefit = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Expectations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipParties_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementApprovals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementApprovals_AgreementVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "AgreementVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementApprovals_PartnershipParties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "PartnershipParties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipContributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipContributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipContributions_PartnershipParties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "PartnershipParties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipPeople_PartnershipParties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "PartnershipParties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReminderSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipActions_PartnershipPeople_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "PartnershipPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PartnershipActions_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipRaci",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipRaci", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipRaci_PartnershipActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "PartnershipActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnershipRaci_PartnershipPeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "PartnershipPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementApprovals_PartyId",
                table: "AgreementApprovals",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementApprovals_VersionId_PartyId",
                table: "AgreementApprovals",
                columns: new[] { "VersionId", "PartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersions_PartnershipId_Number",
                table: "AgreementVersions",
                columns: new[] { "PartnershipId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipActions_OwnerPersonId",
                table: "PartnershipActions",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipActions_PartnershipId_DueOn",
                table: "PartnershipActions",
                columns: new[] { "PartnershipId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipActivities_PartnershipId",
                table: "PartnershipActivities",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipAnswers_PartnershipId_Question",
                table: "PartnershipAnswers",
                columns: new[] { "PartnershipId", "Question" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipCheckIns_PartnershipId_HeldOn",
                table: "PartnershipCheckIns",
                columns: new[] { "PartnershipId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipContributions_PartnershipId",
                table: "PartnershipContributions",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipContributions_PartyId",
                table: "PartnershipContributions",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipDecisions_PartnershipId",
                table: "PartnershipDecisions",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipGoals_PartnershipId",
                table: "PartnershipGoals",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipParties_OrganisationId",
                table: "PartnershipParties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipParties_PartnershipId",
                table: "PartnershipParties",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipParties_TenantId",
                table: "PartnershipParties",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipPeople_PartnershipId",
                table: "PartnershipPeople",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipPeople_PartyId",
                table: "PartnershipPeople",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipRaci_ActivityId_PersonId",
                table: "PartnershipRaci",
                columns: new[] { "ActivityId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipRaci_PartnershipId",
                table: "PartnershipRaci",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipRaci_PersonId",
                table: "PartnershipRaci",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_NeedId",
                table: "Partnerships",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_Status",
                table: "Partnerships",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementApprovals");

            migrationBuilder.DropTable(
                name: "PartnershipActions");

            migrationBuilder.DropTable(
                name: "PartnershipAnswers");

            migrationBuilder.DropTable(
                name: "PartnershipCheckIns");

            migrationBuilder.DropTable(
                name: "PartnershipContributions");

            migrationBuilder.DropTable(
                name: "PartnershipDecisions");

            migrationBuilder.DropTable(
                name: "PartnershipGoals");

            migrationBuilder.DropTable(
                name: "PartnershipRaci");

            migrationBuilder.DropTable(
                name: "AgreementVersions");

            migrationBuilder.DropTable(
                name: "PartnershipActivities");

            migrationBuilder.DropTable(
                name: "PartnershipPeople");

            migrationBuilder.DropTable(
                name: "PartnershipParties");

            migrationBuilder.DropTable(
                name: "Partnerships");
        }
    }
}
