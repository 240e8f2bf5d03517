"""Known vulnerabilities in the locked packages (`make audit`).

Python packages from uv.lock are checked with pip-audit against PyPI's advisory
data (OSV, pip-audit's other source, is not reachable from every machine); the
front-end packages of package-lock.json with `npm audit`. A known vulnerability
fails the run. An audit that could not be done (the service unreachable, or it
did not know the packages) is reported as not done, never as a pass; it fails the
run only with BWK_AUDIT_STRICT=1, because the workplace's machines reach neither
advisory service and CI must still run the tests there.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "var" / "audit"
STRICT = os.environ.get("BWK_AUDIT_STRICT") == "1"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True)  # noqa: S603


def python_packages() -> tuple[list[str], str | None]:
    """Vulnerable packages found, and why the audit is incomplete if it is."""
    requirements, report = OUT / "requirements.txt", OUT / "pip-audit.json"
    run(
        ".tools/bin/uv", "export", "--frozen", "--no-emit-project", "--quiet",
        "--format", "requirements-txt", "--output-file", str(requirements),
    )  # fmt: skip
    result = run(
        ".venv/bin/pip-audit", "--vulnerability-service", "pypi", "--disable-pip",
        "--requirement", str(requirements), "--progress-spinner", "off",
        "--format", "json", "--output", str(report),
    )  # fmt: skip
    if not report.exists() or not report.read_text().strip():
        return [], f"pip-audit could not run: {result.stderr.strip()[-300:]}"
    packages = json.loads(report.read_text())["dependencies"]
    found = [
        f"{p['name']} {p['version']}: {', '.join(v['id'] for v in p['vulns'])}"
        for p in packages
        if p.get("vulns")
    ]
    skipped = [p["name"] for p in packages if "skip_reason" in p]
    if skipped:
        return found, (
            f"PyPI's advisory data did not cover {len(skipped)} of {len(packages)} "
            "locked Python packages (the index this machine reaches has none for "
            "those versions)"
        )
    return found, None


def npm_packages() -> tuple[list[str], str | None]:
    result = run("npm", "audit", "--omit=dev", "--audit-level=high", "--json")
    try:
        report = json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        return [], f"npm audit gave no report: {result.stderr.strip()[-300:]}"
    if "vulnerabilities" not in report:
        return [], f"npm audit could not ask the registry: {report.get('message')}"
    found = [
        f"{name} ({advice['severity']})"
        for name, advice in report["vulnerabilities"].items()
        if advice["severity"] in {"high", "critical"}
    ]
    return found, None


def say(line: str) -> None:
    sys.stdout.write(f"audit: {line}\n")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    failed = False
    for kind, check in (("Python", python_packages), ("npm", npm_packages)):
        found, not_done = check()
        for line in found:
            say(f"VULNERABLE {kind} package {line}")
        if not_done:
            say(f"{kind} audit NOT DONE: {not_done}.")
        elif not found:
            say(f"{kind} packages: no known vulnerabilities.")
        failed = failed or bool(found) or (STRICT and bool(not_done))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
