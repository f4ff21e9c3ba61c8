"""Load a trust's ladder from a ladder file (JSON): levels best first, their characteristics, the moves.

Written against model classes passed in, so the data migration can use its historical models and the
`load_ladder` command the real ones. The file format:

    {"name": ..., "description": ..., "is_active": true,
     "dimensions": {"education": {"levels": [{"code", "name", "label", "colour", "description",
                                              "actions", "record" (plan, notice or takeover),
                                              "characteristics": [[code, text], ...]}, ...],
                                  "moves": [[from_code, to_code, route], ...]}, ...}}
"""

import json
from pathlib import Path

LADDERS_DIR = Path(__file__).resolve().parent


def read_ladder_file(name: str) -> dict:
    return json.loads((LADDERS_DIR / name).read_text(encoding="utf-8"))


def _record(Level, item):  # noqa: N803
    """The level's intervention record, for models that have the field (older migrations' do not)."""
    fields = {field.name for field in Level._meta.get_fields()}
    return {"record": item.get("record", "")} if "record" in fields else {}


def ladder_load(data: dict, *, Ladder, Level, Characteristic, AllowedMove):  # noqa: N803 (model classes)
    """Create the ladder in `data`, or replace its levels if a ladder of that name exists and is unused."""
    if data.get("is_active"):
        Ladder.objects.filter(is_active=True).exclude(name=data["name"]).update(is_active=False)
    ladder, _ = Ladder.objects.update_or_create(
        name=data["name"],
        defaults={"description": data.get("description", ""), "is_active": bool(data.get("is_active"))},
    )
    for dimension, spec in data["dimensions"].items():
        levels = {}
        for position, item in enumerate(spec["levels"], start=1):
            level, _ = Level.objects.update_or_create(
                ladder=ladder,
                dimension=dimension,
                code=item["code"],
                defaults={
                    "position": position,
                    "name": item["name"],
                    "label": item["label"],
                    "colour": item["colour"],
                    "description": item.get("description", ""),
                    "actions": item.get("actions", ""),
                    **_record(Level, item),
                },
            )
            levels[item["code"]] = level
            for order, (code, text) in enumerate(item.get("characteristics", []), start=1):
                Characteristic.objects.update_or_create(
                    level=level, code=code, defaults={"text": text, "order": order}
                )
        for from_code, to_code, route in spec.get("moves", []):
            AllowedMove.objects.update_or_create(
                from_level=levels[from_code],
                to_level=levels[to_code],
                defaults={"ladder": ladder, "dimension": dimension, "route": route},
            )
    return ladder
