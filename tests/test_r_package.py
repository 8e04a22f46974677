"""dlfp at home in R: devtools' test route, R CMD build + check, and man/ as roxygen writes it."""
import filecmp
import os
import re
import shutil
import subprocess

from conftest import ROOT, require_language, skip_or_fail

ENV = dict(os.environ, OPENBLAS_NUM_THREADS="1")

# test_local's counts as one line "passed failed skipped errors files", after testthat's output
TEST_LOCAL = """
res <- as.data.frame(testthat::test_local("r", filter = "^(rng|snapshots)$", reporter = "silent",
                                          stop_on_failure = FALSE))
cat(sprintf("\\ncounts %d %d %d %d %d\\n", sum(res$passed), sum(res$failed), sum(res$skipped),
            sum(res$error), length(unique(res$file))))
"""


def run(cmd, cwd, timeout=180, env=ENV):
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    return out.returncode, out.stdout + out.stderr


def test_test_local_from_the_repository_root():
    # what devtools::test() runs: pkgload's load_all sources the helpers before any test runs;
    # the snapshots file needs the runner in the source tree, so a helper that loses the
    # repository root shows here as skips
    require_language("r")
    code, out = run(["Rscript", "-e", TEST_LOCAL], cwd=ROOT)
    assert code == 0, out[-3000:]
    counts = re.findall(r"^counts (\d+) (\d+) (\d+) (\d+) (\d+)$", out, re.M)
    assert counts, out[-3000:]
    passed, failed, skipped, errors, files = map(int, counts[-1])
    assert (failed, skipped, errors, files) == (0, 0, 0, 2), out[-3000:]
    assert passed >= 40, out[-3000:]


def test_r_cmd_build_and_check_report_no_error_and_no_warning(tmp_path):
    require_language("r")
    # the check looks for dependency cycles in the repository's package index: an empty local
    # repository answers at once, whether or not CRAN can be reached
    repo = tmp_path / "repo" / "src" / "contrib"
    repo.mkdir(parents=True)
    (repo / "PACKAGES").write_text("")
    profile = tmp_path / "Rprofile"
    profile.write_text(f'options(repos = c(CRAN = "file://{tmp_path / "repo"}"))\n')
    env = dict(ENV, R_PROFILE_USER=str(profile))
    code, out = run(["R", "CMD", "build", str(ROOT / "r")], cwd=tmp_path, env=env)
    assert code == 0, out[-3000:]
    tarballs = list(tmp_path.glob("dlfp_*.tar.gz"))
    assert len(tarballs) == 1, out[-3000:]
    # the test suite runs too (about 30 s here): from the tarball, without the source tree
    code, out = run(["R", "CMD", "check", "--no-manual", tarballs[0].name], cwd=tmp_path,
                    env=env)
    status = re.findall(r"^Status: (.*)$", out, re.M)
    assert status, out[-3000:]
    assert not re.search(r"ERROR|WARNING", status[-1]), out[-5000:]
    assert not re.search(r"\.\.\. (ERROR|WARNING)$", out, re.M), out[-5000:]
    assert re.fullmatch(r"OK|\d+ NOTEs?", status[-1]), out[-5000:]
    assert "Running ‘testthat.R’" in out, out[-3000:]  # the tests did run
    assert code == 0, out[-3000:]


def test_man_is_what_roxygen_writes_from_the_comments(tmp_path):
    require_language("r")
    code, _ = run(["Rscript", "-e", "quit(status = !requireNamespace('roxygen2', quietly = TRUE))"],
                  cwd=tmp_path)
    if code != 0:
        skip_or_fail("roxygen2 is not installed (Debian: r-cran-roxygen2)")
    copy = tmp_path / "r"
    shutil.copytree(ROOT / "r", copy, ignore=shutil.ignore_patterns("examples"))
    code, out = run(["Rscript", "-e", "roxygen2::roxygenise('.')"], cwd=copy)
    assert code == 0, out[-3000:]
    cmp = filecmp.dircmp(ROOT / "r" / "man", copy / "man")
    stale = cmp.left_only + cmp.right_only + filecmp.cmpfiles(
        ROOT / "r" / "man", copy / "man", cmp.common_files, shallow=False)[1]
    assert not stale, f"r/man differs from roxygen's output in {sorted(stale)}: run " \
                      f"roxygen2::roxygenise('r')"
    assert filecmp.cmp(ROOT / "r" / "NAMESPACE", copy / "NAMESPACE", shallow=False), \
        "r/NAMESPACE differs from roxygen's output: run roxygen2::roxygenise('r')"


def test_r_is_loaded_as_a_package_everywhere():
    # no R file finds its own folder through sys.frames(), and none sources the package's R/
    # files by hand: scripts go through r/load_dlfp.R (library(dlfp), or pkgload::load_all)
    walks, by_hand = [], []
    for path in sorted(p for folder in ("r", "harness", "octave", "tests", "python")
                       for p in (ROOT / folder).rglob("*") if p.suffix in (".R", ".py")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".R" and "sys.frames(" in text:
            walks.append(str(path.relative_to(ROOT)))
        if "sys.source" in text and re.search(r'"(\[\.\]|\\\\\.)R\$"|glob\("\*\.R"\)', text):
            by_hand.append(str(path.relative_to(ROOT)))
    assert walks == [] and by_hand == [], (walks, by_hand)


def test_load_dlfp_takes_the_installed_copy_only_while_it_matches_the_sources(tmp_path):
    # r/load_dlfp.R: after --install, library(dlfp) from <root>/.venv/R-library; once a package
    # file changes, the sources through pkgload::load_all (never the stale copy), until the next
    # install. A copy of r/ in a folder of its own, so the project's library is left alone.
    require_language("r")
    copy = tmp_path / "r"
    shutil.copytree(ROOT / "r", copy, ignore=shutil.ignore_patterns("examples", "tests"))
    how = 'source("r/load_dlfp.R"); cat(load_dlfp("r"), getNamespaceInfo("dlfp", "path"), "\\n")'

    def loaded():
        code, out = run(["Rscript", "-e", how], cwd=tmp_path)
        assert code == 0, out[-3000:]
        return out.split()[-2:]

    lib = tmp_path / ".venv" / "R-library"
    assert loaded()[0] == "load_all"  # nothing installed yet
    code, out = run(["Rscript", "r/load_dlfp.R", "--install"], cwd=tmp_path)
    assert code == 0 and "installing R's dlfp" in out, out[-3000:]
    assert loaded()[:2] == ["library", str(lib / "dlfp")]
    code, out = run(["Rscript", "r/load_dlfp.R", "--install"], cwd=tmp_path)
    assert code == 0 and "installing" not in out, out[-3000:]  # current: nothing to do
    with open(copy / "R" / "rng.R", "a", encoding="utf-8") as f:
        f.write("\n# a change\n")
    assert loaded()[:2] == ["load_all", str(copy)]
