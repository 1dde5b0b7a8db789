#!/usr/bin/env bash
# Builds the CodeArena runner image (one image for every language) and tags it
#   codearena/runner:<content hash>   and   codearena/runner:latest
# Idempotent: when an image with the current content hash exists, nothing is rebuilt.
#
# The base image:
#   BASE_IMAGE=debian:bookworm-slim  on a normal machine (pulled from Docker Hub);
#   default (BASE_IMAGE unset):      codearena/base:bookworm, bootstrapped here with debootstrap
#                                     from the Debian mirror apt already uses, because Docker Hub
#                                     is unreachable on the build machines.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
runner_repo=${RUNNER_IMAGE_REPO:-codearena/runner}
bootstrap_tag=codearena/base:bookworm
base_image=${BASE_IMAGE:-$bootstrap_tag}

log() { printf '[runner-images] %s\n' "$*" >&2; }

debian_mirror() {
    # The mirror apt uses (deb822 or one-line sources), so the bootstrap needs no other network.
    local uri
    uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
    if [ -z "$uri" ]; then
        uri=$(grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
    fi
    echo "${uri:-http://deb.debian.org/debian}"
}

bootstrap_base() {
    if docker image inspect "$bootstrap_tag" >/dev/null 2>&1; then
        log "base $bootstrap_tag present"
        return
    fi
    command -v debootstrap >/dev/null || { log "debootstrap is missing (apt-get install -y debootstrap)"; exit 1; }
    local rootfs mirror
    rootfs=$(mktemp -d /var/tmp/codearena-rootfs.XXXXXX)
    trap 'rm -rf "$rootfs"' RETURN
    mirror=$(debian_mirror)
    log "bootstrapping $bootstrap_tag from $mirror (minbase bookworm)"
    debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >&2
    # Same slimming as the official image: no apt lists or package cache in the base.
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
    tar -C "$rootfs" --numeric-owner -c . | docker import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["bash"]' - "$bootstrap_tag" >/dev/null
    log "imported $bootstrap_tag"
}

if [ "$base_image" = "$bootstrap_tag" ]; then
    bootstrap_base
fi
base_id=$(docker image inspect --format '{{.Id}}' "$base_image" 2>/dev/null || true)
if [ -z "$base_id" ]; then
    docker pull "$base_image" >&2
    base_id=$(docker image inspect --format '{{.Id}}' "$base_image")
fi

# Content hash: the build context (Dockerfile) and the exact base image.
hash=$( { echo "$base_id"; cd "$here/runner" && find . -type f | LC_ALL=C sort | xargs sha256sum; } | sha256sum | cut -c1-16)
tag="$runner_repo:$hash"

if docker image inspect "$tag" >/dev/null 2>&1; then
    log "$tag is up to date"
else
    log "building $tag from $base_image"
    docker build --build-arg "BASE_IMAGE=$base_image" --label "dev.codearena.content-hash=$hash" -t "$tag" "$here/runner" >&2
fi
docker tag "$tag" "$runner_repo:latest"
echo "$tag"
