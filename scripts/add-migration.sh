#!/bin/bash
# Adds a migration for both providers: scripts/add-migration.sh AddSomething
# (each provider keeps its own migrations; both are generated from the same model).
set -e
cd "$(dirname "$0")/../src/Samverka"
dotnet ef migrations add "$1" --context SqliteAppDbContext --output-dir Platform/Data/Migrations/Sqlite --namespace Samverka.Platform.Data.Migrations.Sqlite
dotnet ef migrations add "$1" --context PostgresAppDbContext --output-dir Platform/Data/Migrations/Postgres --namespace Samverka.Platform.Data.Migrations.Postgres --no-build
if [ -d Samverka ]; then
  mv Samverka/Platform/Data/Migrations/Sqlite/*.cs Platform/Data/Migrations/Sqlite/ 2>/dev/null || true
  mv Samverka/Platform/Data/Migrations/Postgres/*.cs Platform/Data/Migrations/Postgres/ 2>/dev/null || true
  rm -rf Samverka
fi
rm -f design.db
