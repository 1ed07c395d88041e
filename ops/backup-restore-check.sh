#!/usr/bin/env bash
# Backs up the Zugong database with pg_dump -Fc, restores the backup into a new empty database, and
# checks that the restore holds what the source held at the moment of the backup: the row count and
# checksum of every table and the position of every sequence (ops/fingerprint.sql). The source is
# read in one exported snapshot, shared by pg_dump and the fingerprint, so it may be in use meanwhile.
# Prints the figures; exits 1 on any difference. The procedure it follows: docs/backup-restore.md.
#
#   ops/backup-restore-check.sh --data-dir ./data            # the embedded database of a running application
#   ops/backup-restore-check.sh --host H --port P --user OWNER --db zugong [--keep FILE]
#
# --keep FILE keeps the backup; otherwise it is deleted with the restored database.
set -euo pipefail
cd "$(dirname "$0")/.."

host=127.0.0.1 port=${PGPORT:-5432} user=${PGUSER:-postgres} db=${PGDATABASE:-postgres} keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir)
      pid_file="$2/pg/postmaster.pid"
      [ -r "$pid_file" ] || { echo "no running embedded database in $2 ($pid_file)" >&2; exit 2; }
      port=$(sed -n 4p "$pid_file"); user=postgres; db=postgres; shift 2 ;;
    --host) host=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bin=$(ops/postgresql-client.sh 17)
work=$(mktemp -d)
target="zugong_restore_check_$$"
conn=(-h "$host" -p "$port" -U "$user")
psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "${conn[@]}" "$@"; }
cleanup() {
  psql -d "$db" -c "DROP DATABASE IF EXISTS $target WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# One read-only transaction on the source holds the snapshot that pg_dump and the fingerprint share.
coproc SOURCE { "$bin/psql" -X -q -A -t -F '|' -v ON_ERROR_STOP=1 "${conn[@]}" -d "$db"; }
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${SOURCE[1]}"
read -r snapshot <&"${SOURCE[0]}"

t0=$(now)
"$bin/pg_dump" "${conn[@]}" -d "$db" -Fc --snapshot="$snapshot" -f "$work/zugong.dump"
t1=$(now)
{
  echo "\\o $work/source.txt"
  echo "\\i ops/fingerprint.sql"
  echo "\\o"
  echo "COMMIT;"
  echo "SELECT 'fingerprinted';"
} >&"${SOURCE[1]}"
read -r done <&"${SOURCE[0]}"
[ "$done" = fingerprinted ] || { echo "the source fingerprint failed" >&2; exit 1; }
t2=$(now)

psql -d "$db" -c "CREATE DATABASE $target TEMPLATE template0"
"$bin/pg_restore" "${conn[@]}" -d "$target" --exit-on-error --single-transaction "$work/zugong.dump"
t3=$(now)
psql -d "$target" -A -t -F '|' -f ops/fingerprint.sql -o "$work/restored.txt"
t4=$(now)

[ -n "$keep" ] && cp "$work/zugong.dump" "$keep"
tables=$(grep -c '|table|' "$work/source.txt" || true)
rows=$(awk -F'|' '$3 == "table" { n += $4 } END { print n + 0 }' "$work/source.txt")
size=$(du -h "$work/zugong.dump" | cut -f1)
echo "source: $tables tables, $rows rows; backup $size"
echo "pg_dump $(seconds "$t0" "$t1") s, fingerprint $(seconds "$t1" "$t2") s, pg_restore $(seconds "$t2" "$t3") s, fingerprint of the restore $(seconds "$t3" "$t4") s"
if diff -u "$work/source.txt" "$work/restored.txt" >"$work/diff.txt"; then
  echo "restore checked: every table's row count and checksum and every sequence equal the source's"
else
  echo "RESTORE DIFFERS from the source (schema|object|kind|rows|checksum):" >&2
  grep '^[-+][^-+]' "$work/diff.txt" >&2
  exit 1
fi
