using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NeedMatching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Languages",
                table: "Needs",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<List<string>>(
                name: "TargetGroups",
                table: "Needs",
                type: "text[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "NeedDigestSubscriptions",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSentUpTo = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedDigestSubscriptions", x => new { x.OrganisationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_NeedDigestSubscriptions_Organisation_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedFollowers",
                columns: table => new
                {
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedFollowers", x => new { x.NeedId, x.UserId });
                    table.ForeignKey(
                        name: "FK_NeedFollowers_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvitedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedInvitations_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NeedDigestSubscriptions_UserId",
                table: "NeedDigestSubscriptions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedFollowers_UserId",
                table: "NeedFollowers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedInvitations_NeedId_OrganisationId",
                table: "NeedInvitations",
                columns: new[] { "NeedId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NeedInvitations_OrganisationId",
                table: "NeedInvitations",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NeedDigestSubscriptions");

            migrationBuilder.DropTable(
                name: "NeedFollowers");

            migrationBuilder.DropTable(
                name: "NeedInvitations");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "TargetGroups",
                table: "Needs");
        }
    }
}
