using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndicatorGoals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorGoals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    Baseline = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    BaselineOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_IndicatorGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "IndicatorGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorMeasurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorMeasurements_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorGoals_OwnerKind_OwnerId",
                table: "IndicatorGoals",
                columns: new[] { "OwnerKind", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorMeasurements_IndicatorId_MeasuredOn",
                table: "IndicatorMeasurements",
                columns: new[] { "IndicatorId", "MeasuredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_GoalId",
                table: "Indicators",
                column: "GoalId");

            // Partnership goals move onto the indicator model with their history: a goal keeps its id (so its audit
            // entries still find it), its one indicator takes the same id; a baseline or target written as a number
            // (optionally with %) becomes a number with its unit, dated when the goal was set (its first audit entry,
            // else the partnership's creation); words that are not numbers are kept in the indicator's note.
            migrationBuilder.Sql("""
                INSERT INTO "IndicatorGoals" ("Id", "Version", "OwnerKind", "OwnerId", "Text", "TargetDate", "CreatedAt")
                SELECT g."Id", g."Version", 'partnership', g."PartnershipId", g."Text", g."TargetDate",
                       COALESCE((SELECT MIN(a."At") FROM "AuditEntries" a WHERE a."EntityType" = 'PartnershipGoal' AND a."EntityId" = lower(g."Id")), p."CreatedAt")
                FROM "PartnershipGoals" g JOIN "Partnerships" p ON p."Id" = g."PartnershipId";
                """);
            migrationBuilder.Sql("""
                WITH v AS (
                    SELECT g."Id", trim(COALESCE(g."Indicator", '')) AS name, NULLIF(trim(COALESCE(g."Baseline", '')), '') AS bt, NULLIF(trim(COALESCE(g."Target", '')), '') AS tt
                    FROM "PartnershipGoals" g),
                c AS (
                    SELECT v.*, trim(replace(replace(bt, '%', ''), ',', '.')) AS bc, trim(replace(replace(tt, '%', ''), ',', '.')) AS tc FROM v
                    WHERE name <> '' OR bt IS NOT NULL OR tt IS NOT NULL),
                n AS (
                    SELECT c.*,
                        CASE WHEN bc <> '' AND bc NOT GLOB '*[^0-9.-]*' AND bc GLOB '*[0-9]*' AND bc NOT GLOB '*.*.*' AND bc NOT GLOB '?*-*' AND (instr(bt, '%') = 0 OR bt GLOB '*%') THEN bc END AS b,
                        CASE WHEN tc <> '' AND tc NOT GLOB '*[^0-9.-]*' AND tc GLOB '*[0-9]*' AND tc NOT GLOB '*.*.*' AND tc NOT GLOB '?*-*' AND (instr(tt, '%') = 0 OR tt GLOB '*%') THEN tc END AS t
                    FROM c)
                INSERT INTO "Indicators" ("Id", "Version", "GoalId", "Name", "Unit", "Direction", "Baseline", "BaselineOn", "Target", "Note", "Position")
                SELECT n."Id", 0, n."Id", n.name,
                       CASE WHEN (n.b IS NOT NULL AND instr(n.bt, '%') > 0) OR (n.t IS NOT NULL AND instr(n.tt, '%') > 0) THEN '%' END,
                       CASE WHEN n.b IS NOT NULL AND n.t IS NOT NULL AND CAST(n.t AS REAL) < CAST(n.b AS REAL) THEN 2 ELSE 1 END,
                       n.b, CASE WHEN n.b IS NOT NULL THEN substr(ig."CreatedAt", 1, 10) END, n.t,
                       NULLIF(COALESCE(CASE WHEN n.bt IS NOT NULL AND n.b IS NULL THEN 'Utgångsläge: ' || n.bt END, '')
                              || CASE WHEN n.bt IS NOT NULL AND n.b IS NULL AND n.tt IS NOT NULL AND n.t IS NULL THEN '; ' ELSE '' END
                              || COALESCE(CASE WHEN n.tt IS NOT NULL AND n.t IS NULL THEN 'Målvärde: ' || n.tt END, ''), ''),
                       0
                FROM n JOIN "IndicatorGoals" ig ON ig."Id" = n."Id";
                """);

            migrationBuilder.DropTable(
                name: "PartnershipGoals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorMeasurements");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "IndicatorGoals");

            migrationBuilder.CreateTable(
                name: "PartnershipGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Baseline = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipGoals_PartnershipId",
                table: "PartnershipGoals",
                column: "PartnershipId");
        }
    }
}
