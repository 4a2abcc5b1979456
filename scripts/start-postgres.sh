#!/usr/bin/env bash
# Installs (if needed) and starts Debian's PostgreSQL, and creates the role and database the store
# tests use. Prints the DATABASE_URL to export. Used by .ci/run; safe to run twice.
set -euo pipefail
# `su postgres` runs from here: a folder the postgres user may enter (a clone may be private).
cd /
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^${version} main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -h localhost && break
  sleep 1
done
su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'maslul'\"" | grep -q 1 ||
  su postgres -c "psql -q -c \"CREATE ROLE maslul LOGIN SUPERUSER PASSWORD 'maslul'\""
su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_database WHERE datname = 'maslul'\"" | grep -q 1 ||
  su postgres -c "createdb -O maslul maslul"
echo "postgres://maslul:maslul@localhost:5432/maslul"
