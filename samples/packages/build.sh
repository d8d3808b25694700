#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Re-creates hello-service-1.0.0.tar.gz from hello-service/ byte for byte: the directory's contents at
# the archive root (so that idea-package.json is the package descriptor), entries sorted by name,
# mtime 0, owner and group 0, normalized permissions, ustar format, gzip without name or time.
#
#   samples/packages/build.sh          # rewrite hello-service-1.0.0.tar.gz
#   samples/packages/build.sh --check  # exit 1 if the committed archive differs from a fresh build
#
# Needs GNU tar (1.28 or newer, for --sort) and gzip.
set -euo pipefail

cd "$(dirname "$0")"
archive="hello-service-1.0.0.tar.gz"

build() {
  LC_ALL=C TZ=UTC tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
    --format=ustar --mode='u+rwX,go+rX,go-w' -C hello-service -cf - $(cd hello-service && LC_ALL=C ls -A) | gzip -n -9
}

case "${1:-}" in
  "")
    build > "$archive.tmp"
    mv "$archive.tmp" "$archive"
    sha256sum "$archive"
    ;;
  --check)
    if cmp -s <(build) "$archive"; then
      echo "$archive is reproducible"
    else
      echo "$archive differs from a fresh build of hello-service/; run $0 and commit the result" >&2
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac
