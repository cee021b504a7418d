using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NeedsBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Needs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AgeFrom = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeTo = table.Column<int>(type: "INTEGER", nullable: true),
                    Areas = table.Column<string>(type: "TEXT", nullable: false),
                    DesiredOutcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Timeframe = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Forms = table.Column<string>(type: "TEXT", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Closes = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Needs_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_Status_Closes",
                table: "Needs",
                columns: new[] { "Status", "Closes" });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_TenantId",
                table: "Needs",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Needs");
        }
    }
}
