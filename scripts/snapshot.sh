# Sourced by the build scripts that read pinned GitHub snapshots (build_open_en_ner.sh,
# build_vectors_ko.sh, build_vectors_hi.sh); needs MIRROR set: the directory holding snapshots named
# owner+name/repo, bare or with a .git inside (what the `fetch` tool writes; e.g. /work/.mirror).
#
# show REPO COMMIT PATH > file: the file at that commit, or stop with the reason. A snapshot without
# the pinned commit is refused rather than silently read at another one.
show() {
    if [ -d "$MIRROR/$1/repo/.git" ]; then _git_dir="$MIRROR/$1/repo/.git"; else _git_dir="$MIRROR/$1/repo"; fi
    git --git-dir="$_git_dir" cat-file -e "$2" 2>/dev/null || { echo "$1: commit $2 not in the snapshot" >&2; exit 1; }
    git --git-dir="$_git_dir" show "$2:$3"
}
