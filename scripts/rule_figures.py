"""How often each lint rule fires: on map files and on a folder of arg-microtexts XML.

The figures in docs/findings.md ("How often the rules fire") come from this script:

    .venv/bin/python scripts/rule_figures.py maps/*.yaml examples/*.yaml
    .venv/bin/python scripts/rule_figures.py --microtexts PATH/TO/arg-microtexts/en
    .venv/bin/python scripts/rule_figures.py --microtexts DIR --codes AM119,AM120 --show

It prints, for each rule, the findings and the claims (or links, sources) they are on, over all
maps read; ``--show`` lists each finding of the codes chosen with its claim's text, for judging
by hand which are true problems and which false alarms. Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from argmap.analysis import RULES, analyse
from argmap.io import load_map
from argmap.io.formats.microtexts import read as read_microtext
from argmap.model import ArgumentMap


def _maps(paths: list[str], microtexts: str | None) -> list[tuple[str, ArgumentMap, str]]:
    """(name, map, folder its source texts are relative to) for every map asked for."""
    found = [(p, load_map(p), str(Path(p).parent)) for p in paths]
    if microtexts:
        for xml in sorted(Path(microtexts).glob("*.xml")):
            amap = read_microtext(xml.read_text(encoding="utf-8"), str(xml),
                                  text_base=xml.parent).amap
            found.append((xml.name, amap, str(xml.parent)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("maps", nargs="*", help="map files (YAML or JSON)")
    parser.add_argument("--microtexts", help="a folder of arg-microtexts .xml (and .txt) files")
    parser.add_argument("--codes", default="", help="rules to count (default: all)")
    parser.add_argument("--show", action="store_true", help="list each finding of --codes")
    args = parser.parse_args(argv)
    codes = [c.strip() for c in args.codes.split(",") if c.strip()] or sorted(RULES)
    maps = _maps(args.maps, args.microtexts)
    counts: Counter[str] = Counter()
    claims = 0
    for name, amap, base in maps:
        claims += len(amap.claims)
        analysis = analyse(amap, base_dir=base)
        for finding in analysis.findings:
            if finding.code not in codes:
                continue
            counts[finding.code] += 1
            if args.show:
                claim = analysis.index.claims.get(finding.target)
                said = f" | {claim.text}" if claim is not None else ""
                print(f"{name} {finding.code} {finding.target}: {finding.message}{said}")
    print(f"{len(maps)} maps, {claims} claims")
    for code in codes:
        print(f"{code} {RULES[code].name}: {counts[code]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
