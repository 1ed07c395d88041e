#!/usr/bin/env bash
# Makes a PostgreSQL client (pg_dump, pg_restore, psql) of at least the given major version available
# and prints the folder that holds it. pg_dump refuses a server newer than itself, and the embedded
# server is PostgreSQL 17, while Debian 12 ships client 15 and no newer one.
#
#   ops/postgresql-client.sh [MAJOR]        # default 17; prints e.g. /usr/lib/postgresql/17/bin
#
# In order: a client already there (ZUGONG_PG_CLIENT_BIN, PATH, /usr/lib/postgresql/*/bin, our own
# folder); Debian's package postgresql-client-MAJOR where this Debian has it (13 and later); otherwise,
# as root, a minimal Debian 13 tree made by debootstrap from Debian's own mirror, with the client
# installed in it and small wrappers that run its programs with that tree's C library (no chroot, so
# file paths mean the same as outside). About 30 s and 400 MB, once, in ZUGONG_PG_CLIENT_DIR.
set -euo pipefail

major=${1:-17}
dir=${ZUGONG_PG_CLIENT_DIR:-/var/cache/zugong/postgresql-client}
suite=${ZUGONG_PG_CLIENT_SUITE:-trixie}
# The host's own Debian mirror (the one its package registry access is known to reach), else Debian's.
host_mirror=$( { sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null;
                sed -n 's/^deb \(\[[^]]*\] \)\?\([^ ]*\/debian\) .*/\2/p' /etc/apt/sources.list 2>/dev/null; } | head -1 || true)
mirror=${ZUGONG_DEBIAN_MIRROR:-${host_mirror:-http://deb.debian.org/debian}}

log() { echo "postgresql-client: $*" >&2; }

# The major version of the pg_dump in a folder, or nothing.
major_of() {
  [ -x "$1/pg_dump" ] || return 0
  "$1/pg_dump" --version 2>/dev/null | sed -n 's/^pg_dump (PostgreSQL) \([0-9]*\).*/\1/p'
}

good() {
  local found
  found=$(major_of "$1")
  [ -n "$found" ] && [ "$found" -ge "$major" ] && [ -x "$1/pg_restore" ]
}

candidates=()
[ -n "${ZUGONG_PG_CLIENT_BIN:-}" ] && candidates+=("$ZUGONG_PG_CLIENT_BIN")
command -v pg_dump >/dev/null 2>&1 && candidates+=("$(dirname "$(readlink -f "$(command -v pg_dump)")")")
for d in /usr/lib/postgresql/*/bin; do candidates+=("$d"); done
candidates+=("$dir/bin")
for d in "${candidates[@]}"; do
  if good "$d"; then echo "$d"; exit 0; fi
done

if [ "$(id -u)" -ne 0 ]; then
  log "no pg_dump $major or newer found; run this script once as root to install one (or set ZUGONG_PG_CLIENT_BIN)"
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if apt-cache show "postgresql-client-$major" >/dev/null 2>&1; then
  log "installing Debian's postgresql-client-$major"
  apt-get install -y -qq "postgresql-client-$major" >/dev/null
  good "/usr/lib/postgresql/$major/bin" && { echo "/usr/lib/postgresql/$major/bin"; exit 0; }
fi

root="$dir/root"
if [ ! -x "$root/usr/lib/postgresql/$major/bin/pg_dump" ]; then
  command -v debootstrap >/dev/null 2>&1 || { log "installing debootstrap"; apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }
  log "making a minimal Debian $suite tree in $root for postgresql-client-$major"
  rm -rf "$root"
  mkdir -p "$dir"
  debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$dir/debootstrap.log" 2>&1 \
    || { log "debootstrap failed; see $dir/debootstrap.log"; exit 1; }
  chroot "$root" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-client-$major >/dev/null && apt-get clean"
fi

mkdir -p "$dir/bin"
for program in pg_dump pg_restore pg_dumpall psql; do
  cat >"$dir/bin/$program" <<EOF
#!/bin/sh
# $program $major from the Debian $suite tree in $root, run with that tree's loader and libraries.
exec "$root/lib64/ld-linux-x86-64.so.2" --library-path "$root/usr/lib/x86_64-linux-gnu:$root/lib/x86_64-linux-gnu" "$root/usr/lib/postgresql/$major/bin/$program" "\$@"
EOF
  chmod 755 "$dir/bin/$program"
done
good "$dir/bin" || { log "the client in $root does not run"; exit 1; }
echo "$dir/bin"
