#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Starts hello-service: prints one greeting and exits 0.
set -eu
name="world"
if [ "${1:-}" = "--name" ] && [ -n "${2:-}" ]; then
  name="$2"
fi
printf 'hello-service 1.0.0: hello, %s\n' "$name"
