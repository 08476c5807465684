# Sourced by ./fleetdiag, benchmarks/run and fault-suite/run (not run on its own).
#
# fleetdiag_build_if_stale HOME MODULE "UNUSED MODULES" ARTIFACT...
#   Builds MODULE and what it needs (mvn -DskipTests -pl MODULE -am package) when an ARTIFACT is missing,
#   or when a pom.xml or a file under src/main/ of a module it may use is newer than the first ARTIFACT
#   (after a git pull, an edit). Nothing changed: no Maven at all, so the start stays fast. The modules in
#   UNUSED (space-separated directories) are not looked at, so a benchmark edit does not rebuild the launcher.
#   FLEETDIAG_NO_BUILD=1 (and FLEETDIAG_DRY_RUN=1) never builds: it says the build is stale and runs what is there.
fleetdiag_build_if_stale() {
  local home="$1" module="$2" unused="$3"
  shift 3
  local reason="" artifact newer
  for artifact in "$@"; do
    if [ ! -f "$artifact" ]; then
      reason="${artifact#"$home"/} is missing"
      break
    fi
  done
  if [ -z "$reason" ]; then
    local prune=(-name target -o -name '.?*' -o -name node_modules)
    local m
    for m in $unused; do prune+=(-o -path "$home/$m"); done
    newer="$(find "$home" -mindepth 1 \( "${prune[@]}" \) -prune -o -type f \
      \( -name pom.xml -o -path '*/src/main/*' \) -newer "$1" -print -quit)"
    [ -n "$newer" ] && reason="${newer#"$home"/} is newer than ${1#"$home"/}"
  fi
  [ -z "$reason" ] && return 0
  if [ "${FLEETDIAG_NO_BUILD:-}" = "1" ] || [ "${FLEETDIAG_DRY_RUN:-}" = "1" ]; then
    echo "$module: the build is stale ($reason); not building it, as FLEETDIAG_NO_BUILD or FLEETDIAG_DRY_RUN says" >&2
    return 0
  fi
  echo "$module: building, as $reason (mvn -q -B -DskipTests -pl $module -am package; the first build fetches dependencies, a few minutes) ..." >&2
  (cd "$home" && mvn -q -B -DskipTests -pl "$module" -am package) >&2
  # Maven leaves an up-to-date jar as it was; touching it keeps the next start from building again.
  touch "$@"
}

# fleetdiag_run COMMAND...: executes it, or with FLEETDIAG_DRY_RUN=1 prints it, one argument a line, and
# exits 0 (how the docs-commands test checks the scripts' argument handling without starting a JVM).
fleetdiag_run() {
  if [ "${FLEETDIAG_DRY_RUN:-}" = "1" ]; then
    printf '%s\n' "$@"
    exit 0
  fi
  exec "$@"
}
