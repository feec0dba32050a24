"""The README stays short and points into docs/; every relative link and anchor of the README
and the docs pages resolves, so a reader never lands on a missing page or section."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

README_MAX_LINES = 150
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
# [text](target) outside code spans; images too
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def github_anchor(heading: str) -> str:
    """GitHub's slug of a heading: lowercase, punctuation but '-' and '_' dropped, spaces to '-'."""
    text = re.sub(r"`([^`]*)`", r"\1", heading.strip().lower())
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    found, seen, in_code = set(), {}, False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        if in_code or not (m := re.match(r"#{1,6}\s+(.*)", line)):
            continue
        slug = github_anchor(m.group(1))
        found.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return found


def links(page: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"`[^`\n]*`", "", text)
    return LINK.findall(text)


def test_the_readme_is_short_and_leads_into_the_docs():
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines; move detail into docs/"
    targets = {target.split("#")[0] for target in links(REPO / "README.md")}
    pages = {f"docs/{p.name}" for p in PAGES[1:]}
    assert pages - {"docs/README.md"} <= targets | {"docs/README.md"}, f"README links none of {pages - targets}"
    text = "\n".join(lines)
    assert "./scripts/build" in text and "./scripts/test" in text


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(REPO)) for p in PAGES])
def test_every_relative_link_resolves(page):
    broken = []
    for target in links(page):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
            continue
        path_part, _, anchor = target.partition("#")
        resolved = (page.parent / path_part).resolve() if path_part else page
        if not resolved.exists():
            broken.append(f"{target} (no such file)")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            broken.append(f"{target} (no heading #{anchor} in {resolved.name})")
        elif resolved.is_relative_to(REPO) and "reports" in resolved.relative_to(REPO).parts[:1]:
            if resolved.name != "benchmarks.md":
                broken.append(f"{target} (reports/ is generated, not in git)")
    assert not broken, f"{page.relative_to(REPO)}: {broken}"


def test_the_anchor_rule_is_githubs():
    assert github_anchor("What a build promises (each promise has a test)") == (
        "what-a-build-promises-each-promise-has-a-test"
    )
    assert github_anchor("Querying `marts.fct_x` in SQL") == "querying-martsfct_x-in-sql"
