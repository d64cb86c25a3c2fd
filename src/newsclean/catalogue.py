"""The rules catalogue (docs/rules.md), rendered from the registry so it cannot drift."""

from __future__ import annotations

from .pipeline import all_rules, family_options

FAMILY_TITLES = {
    "fused": "Fused tokens and spacing (NC1xx)",
    "quotes": "Quotes (NC2xx)",
    "header": "Headers and metadata (NC3xx)",
    "boilerplate": "Boilerplate (NC4xx)",
    "whitespace": "Whitespace (NC5xx)",
    "encoding": "Encoding (NC6xx)",
    "language": "Language (NC7xx)",
    "names": "Names and terms (NC8xx)",
    "numbers": "Numbers (NC9xx)",
}


def _block(text: str) -> str:
    return "```text\n" + text + "\n```"


def render_catalogue() -> str:
    """docs/rules.md: every rule with its code, what it does, why, and a before/after example."""
    rules = sorted(all_rules(), key=lambda r: r.code)
    lines = [
        "# Rules catalogue",
        "",
        "Generated from the rule registry by `newsclean rules --markdown`; the test suite checks",
        "that this page is current and that every example below holds.",
        "",
        "Rules run in pipeline order (encoding, header, language, boilerplate, fused tokens,",
        "quotes, names, numbers, whitespace), each on the output of the rules before it.",
        "Codes are stable. *Default* says whether a rule runs without being selected; *Fixes*",
        "whether `fix` applies it (`report` rules only appear in `detect`, unless made fixable",
        "with `Config(fixable=...)`).",
        "",
        "| Code | Name | Default | Fixes | Summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rules:
        fixes = "yes" if r.fixes and r.fix_by_default else ("on request" if r.fixes else "report")
        lines.append(
            f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {'on' if r.default else 'off'} "
            f"| {fixes} | {r.summary} |"
        )
    family = None
    for r in rules:
        if r.family != family:
            family = r.family
            lines += ["", f"## {FAMILY_TITLES.get(family, family.title())}"]
            options = family_options().get(family, {})
            if options:
                prefix = r.code[:3]
                lines += [
                    "",
                    f'Options (`Config(options={{"{prefix}": {{...}}}})`, '
                    f"`--option {prefix}.key=value`, or on one rule's code):",
                    "",
                ]
                lines += [f"- `{o.name}` ({o.kind}): {o.help}" for o in options.values()]
        lines += ["", f"### {r.code}", "", f"`{r.name}`: {r.summary}", ""]
        if r.why:
            lines += [f"*Why it happens:* {r.why}", ""]
        lines += ["Before:", "", _block(r.before), "", "After:", "", _block(r.after)]
    return "\n".join(lines) + "\n"
