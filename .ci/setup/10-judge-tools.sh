#!/bin/sh
# Tools the judge's local sandbox and language toolchains need on a fresh Debian 12 machine.
# bubblewrap: the local sandbox's namespaces; python3 at /usr/bin (sandboxes never see pyenv
# shims); gcc/g++ build the C supervisor, C/C++ submissions and the precompiled header.
set -eu
need=""
command -v bwrap >/dev/null 2>&1 || need="$need bubblewrap"
[ -x /usr/bin/python3 ] || need="$need python3"
[ -x /usr/bin/g++ ] || need="$need g++"
[ -x /usr/bin/gcc ] || need="$need gcc"
[ -x /usr/bin/node ] || need="$need nodejs"
[ -x /usr/bin/javac ] || need="$need openjdk-17-jdk-headless"
if [ -n "$need" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $need
fi
bwrap --version
