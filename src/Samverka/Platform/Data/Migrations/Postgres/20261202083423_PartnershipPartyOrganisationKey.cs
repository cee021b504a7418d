using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartnershipPartyOrganisationKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Parties left pointing at an entry merged away before parties took part in merges: lead them to the
            // entry it was merged into (merges re-point earlier ones, so one step reaches the survivor); any other
            // unknown id is cleared (the party keeps the name it joined under).
            migrationBuilder.Sql("""
                UPDATE "PartnershipParties" SET "OrganisationId" = (SELECT m."TargetId" FROM "OrganisationMerges" m WHERE m."SourceId" = "PartnershipParties"."OrganisationId")
                WHERE "OrganisationId" IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM "Organisation" o WHERE o."Id" = "PartnershipParties"."OrganisationId")
                  AND EXISTS (SELECT 1 FROM "OrganisationMerges" m WHERE m."SourceId" = "PartnershipParties"."OrganisationId");
                """);
            migrationBuilder.Sql("""
                UPDATE "PartnershipParties" SET "OrganisationId" = NULL
                WHERE "OrganisationId" IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM "Organisation" o WHERE o."Id" = "PartnershipParties"."OrganisationId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipParties_PartnershipId_OrganisationId",
                table: "PartnershipParties",
                columns: new[] { "PartnershipId", "OrganisationId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PartnershipParties_Organisation_OrganisationId",
                table: "PartnershipParties",
                column: "OrganisationId",
                principalTable: "Organisation",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PartnershipParties_Organisation_OrganisationId",
                table: "PartnershipParties");

            migrationBuilder.DropIndex(
                name: "IX_PartnershipParties_PartnershipId_OrganisationId",
                table: "PartnershipParties");
        }
    }
}
